package cn.gov.wuzhou.tolerance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 我的事项 (GET /api/cases): each caller sees the cases it may see, with the step and agency each waits on. */
@HttpTest
class CaseListHttpTest {

  @LocalServerPort int port;
  @Autowired Today today;
  Rest rest;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
  }

  @Test
  void theUnitSeesItsNewCaseWithItsNumberAndTheAgenciesItWaitsOn() {
    String official = "覃" + System.nanoTime() % 100000;
    Reply started = report(official);

    Rest.await("the report reaches the agencies", () -> only(list("commerce-clerk", "official=" + encode(official)))
        .path("waitingOn").size() >= 2);
    JsonNode item = only(list("commerce-clerk", "official=" + encode(official)));

    assertThat(item.path("caseNo").asText()).isEqualTo(started.text("businessKey"));
    assertThat(item.path("caseInstanceId").asText()).isEqualTo(started.text("id"));
    assertThat(item.path("unitName").asText()).isEqualTo("市商务局");
    assertThat(item.path("officialName").asText()).isEqualTo(official);
    assertThat(item.path("open").asBoolean()).isTrue();
    assertThat(item.path("state").asText()).isEqualTo("办理中");
    assertThat(texts(item.path("waitingOn"), "step")).contains("纪委监委接收报告");
    assertThat(texts(item.path("waitingOn"), "agency")).contains("市纪委监委");
    assertThat(item.path("due").asText()).isNotBlank();
    assertThat(item.path("determination").isNull()).isTrue();
    assertThat(rest.get("commerce-clerk", item.path("caseFile").asText()).body().path("caseInstanceId").asText())
        .isEqualTo(started.text("id"));
  }

  @Test
  void anotherUnitGetsNoneOfIt() {
    String official = "蒙" + System.nanoTime() % 100000;
    String caseNo = report(official).text("businessKey");

    assertThat(list("tengxian-clerk", "official=" + encode(official)).path("total").asLong()).isZero();
    assertThat(list("tengxian-clerk", "caseNo=" + caseNo).path("items")).isEmpty();
    assertThat(texts(list("tengxian-clerk", "size=100").path("items"), "caseNo")).doesNotContain(caseNo);
    assertThat(rest.get("tengxian-clerk", "/api/cases/" + caseNo).status()).isEqualTo(404);
    // a county's bodies see their county's units only, and this case has no step of theirs
    assertThat(list("tengxian-jiwei", "caseNo=" + caseNo).path("total").asLong()).isZero();
    // the commission that works on it finds it by its number, and opens its file by the number
    assertThat(only(list("jiwei", "caseNo=" + caseNo)).path("officialName").asText()).isEqualTo(official);
    assertThat(rest.get("jiwei", "/api/cases/" + caseNo).body().path("caseNo").asText()).isEqualTo(caseNo);
  }

  @Test
  void filtersNarrowTheList() {
    String official = "黎" + System.nanoTime() % 100000;
    String caseNo = report(official).text("businessKey");
    String day = today.date().toString();

    assertThat(only(list("commerce-clerk", "caseNo=" + caseNo.substring(5) + "&state=open&unit="
        + encode("商务") + "&from=" + day + "&to=" + day)).path("caseNo").asText()).isEqualTo(caseNo);
    assertThat(list("commerce-clerk", "caseNo=" + caseNo + "&state=finished").path("total").asLong()).isZero();
    assertThat(list("commerce-clerk", "caseNo=" + caseNo + "&from=" + today.date().plusDays(1)).path("total").asLong())
        .isZero();
    Reply bad = rest.get("commerce-clerk", "/api/cases?state=closed");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("message")).contains("state");
  }

  @Test
  void aProcessOwnerSeesNoCase() {
    assertThat(list("guize", "size=100").path("total").asLong()).isZero();
  }

  private Reply report(String official) {
    Map<String, Object> report = CaseDriver.validReport(today.date());
    report.put("officialName", official);
    Reply reply = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(report));
    assertThat(reply.status()).as("start: %s", reply.body()).isEqualTo(200);
    return reply;
  }

  private JsonNode list(String user, String query) {
    Reply reply = rest.get(user, "/api/cases?" + query);
    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    return reply.body();
  }

  private static JsonNode only(JsonNode page) {
    assertThat(page.path("items")).hasSize(1);
    return page.path("items").get(0);
  }

  private static List<String> texts(JsonNode items, String field) {
    return StreamSupport.stream(items.spliterator(), false).map(item -> item.path(field).asText()).toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
