package cn.gov.wuzhou.tolerance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case file (案卷) of a finished tolerated case, as the read API gives it to each kind of reader. */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseFileHttpTest {

  @LocalServerPort int port;
  @Autowired Today today;
  @Autowired JdbcTemplate jdbc;
  Rest rest;
  String caseId;
  String officialId;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
  }

  @BeforeAll
  void toleratedCase() {
    rest = new Rest(port);
    Desk desk = new Desk(rest);
    Map<String, Object> report = CaseDriver.validReport(today.date());
    officialId = (String) report.get("officialId");
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(report));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    caseId = started.text("id");
    desk.acknowledgeAndCorrect(caseId, today.date());
    desk.tolerateAndServe(caseId, today.date());
  }

  @Test
  void theFinishedCaseIsAmongTheUnitsCasesWithItsDecision() {
    String caseNo = rest.get("zuzhi", "/api/cases/" + caseId).body().path("caseNo").asText();
    JsonNode page = rest.get("commerce-clerk", "/api/cases?state=finished&caseNo=" + caseNo).body();

    assertThat(page.path("items")).hasSize(1);
    JsonNode item = page.path("items").get(0);
    assertThat(item.path("caseInstanceId").asText()).isEqualTo(caseId);
    assertThat(item.path("state").asText()).isEqualTo("已办结：容错免责");
    assertThat(item.path("decisionNo").asText()).matches("WZRC-\\d{4}-\\d{4}");
    assertThat(item.path("waitingOn")).isEmpty();
    assertThat(rest.get("commerce-clerk", "/api/cases?state=open&caseNo=" + caseNo).body().path("total").asLong()).isZero();
  }

  @Test
  void theFinishedCaseShowsItsFactsStepsOpinionsDecisionAndNotices() {
    Reply reply = rest.get("zuzhi", "/api/cases/" + caseId);

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    JsonNode file = reply.body();
    assertThat(file.path("open").asBoolean()).isFalse();
    assertThat(file.path("processName").asText()).isEqualTo("容错纠错事项");
    assertThat(fact(file.path("facts"), "当事人姓名")).isEqualTo("李明");
    assertThat(fact(file.path("facts"), "人员编号")).isEqualTo(officialId);
    assertThat(fact(file.path("facts"), "工作类别")).isEqualTo("乡村振兴");
    assertThat(fact(file.path("facts"), "认定结果")).isEqualTo("容错免责");

    JsonNode report = step(file, "报告错情");
    assertThat(report.path("agency").asText()).isEqualTo("市商务局");
    assertThat(report.path("person").asText()).isEqualTo("市商务局 经办人");
    JsonNode acknowledgement = step(file, "上级党委（党组）接收报告");
    assertThat(acknowledgement.path("agency").asText()).isEqualTo("上级党委（党组）");
    assertThat(acknowledgement.path("person").asText()).isEqualTo("上级党委 书记");
    assertThat(acknowledgement.path("started").asText()).isNotBlank();
    assertThat(acknowledgement.path("ended").asText()).isNotBlank();
    assertThat(fact(acknowledgement.path("written"), "上级党委（党组）批示意见")).isEqualTo("立即整改，按时报告");
    JsonNode review = step(file, "核查认定");
    assertThat(review.path("agency").asText()).isEqualTo("问责承办机关");
    assertThat(fact(review.path("written"), "符合决策程序")).isEqualTo("是");
    assertThat(fact(step(file, "审批认定意见").path("written"), "审批结论")).isEqualTo("同意");
    assertThat(file.path("caseNo").asText()).matches("WZSX-\\d{4}-\\d{4}");
    assertThat(file.path("opinions").findValuesAsText("text"))
        .contains("立即整改，按时报告", "经审查，决策程序完备，无违纪违法情形，已及时整改。");

    assertThat(file.path("decision").path("determination").path("label").asText()).isEqualTo("容错免责");
    assertThat(file.path("decision").path("basis").asText()).isNotBlank();
    assertThat(file.path("decision").path("findings").path("followedDecisionProcedure").asBoolean()).isTrue();
    assertThat(file.path("notices")).hasSize(6);
    assertThat(file.path("notices").findValuesAsText("by")).contains("zuzhi", "renshe", "jiwei");
    assertThat(file.path("notices").findValuesAsText("byName")).contains("市委组织部 干部");
    assertThat(file.path("documents").asText()).isEqualTo("/api/cases/" + caseId + "/documents");

    assertThat(file.path("service")).hasSize(2);
    assertThat(file.path("service").get(0).path("step").asText()).isEqualTo("单位签收认定意见书");
    assertThat(file.path("service").get(0).path("person").asText()).isEqualTo("市商务局 经办人");
    assertThat(file.path("service").get(1).path("step").asText()).isEqualTo("当事人签收");
    assertThat(file.path("service").get(1).path("outcome").asText()).isEqualTo("当事人已签收");
    assertThat(file.path("service").get(1).path("on").asText()).isEqualTo(today.date().toString());
  }

  @Test
  void theIssuedDecisionIsListedWithTheCasesDocumentsAndItsHashMatchesTheDownload() throws Exception {
    JsonNode listing = rest.get("zuzhi", "/api/cases/" + caseId + "/documents").body();
    JsonNode decision = StreamSupport.stream(listing.path("items").spliterator(), false)
        .filter(d -> "DECISION".equals(d.path("issuedAs").asText())).findFirst().orElseThrow();
    assertThat(decision.path("title").asText()).isEqualTo("容错纠错认定意见书");
    assertThat(decision.path("uploadedByName").asText()).isEqualTo("系统生成");
    assertThat(listing.path("items").findValuesAsText("issuedAs"))
        .contains("NOTICE:organization-dept", "NOTICE:hr-social-security", "NOTICE:discipline-inspection");

    for (String reader : List.of("zuzhi", "commerce-clerk", "wenze")) {
      Rest.Download download = rest.download(reader, decision.path("href").asText());
      assertThat(download.status()).as(reader).isEqualTo(200);
      assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
          .isEqualTo(decision.path("sha256").asText());
      try (PDDocument pdf = Loader.loadPDF(download.body())) {
        assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\R", ""))
            .contains(file().path("decision").path("decisionNo").asText(), "李明", "容错免责");
      }
    }
    assertThat(rest.download("tengxian-clerk", decision.path("href").asText()).status()).isEqualTo(404);
    assertThat(rest.download("commerce-clerk", decision.path("href").asText() + "?inline=true")
        .header("Content-Disposition")).as("opens in the browser, to read and print").startsWith("inline");
  }

  private JsonNode file() {
    return rest.get("zuzhi", "/api/cases/" + caseId).body();
  }

  @Test
  void theUnitReadsItsOwnCaseFile() {
    Reply reply = rest.get("commerce-clerk", "/api/cases/" + caseId);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("decision").path("decisionNo").asText()).matches("WZRC-\\d{4}-\\d{4}");
  }

  @Test
  void anotherUnitsClerkAndAnotherCountysBodyGetTheSame404AsForAnUnknownCase() {
    long details = historyRows();

    Reply otherUnit = rest.get("tengxian-clerk", "/api/cases/" + caseId);
    Reply otherCounty = rest.get("tengxian-jiwei", "/api/cases/" + caseId);
    Reply unknown = rest.get("tengxian-clerk", "/api/cases/no-such-case");

    assertThat(otherUnit.status()).isEqualTo(404);
    assertThat(otherCounty.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(otherUnit.text("message")).isEqualTo(unknown.text("message").replace("no-such-case", caseId));
    assertThat(otherUnit.body().toString()).doesNotContain("李明", officialId);
    assertThat(historyRows()).as("reading changes nothing").isEqualTo(details);
    assertThat(rest.get(null, "/api/cases/" + caseId).status()).isEqualTo(401);
  }

  private long historyRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ?", Long.class, caseId)
        + jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_OP_LOG WHERE PROC_INST_ID_ = ?", Long.class, caseId);
  }

  private static String fact(JsonNode facts, String label) {
    for (JsonNode fact : facts) {
      if (fact.path("label").asText().equals(label)) {
        return fact.path("value").asText();
      }
    }
    throw new AssertionError("no " + label + " in " + facts);
  }

  private static JsonNode step(JsonNode file, String name) {
    for (JsonNode step : file.path("steps")) {
      if (step.path("name").asText().equals(name)) {
        return step;
      }
    }
    throw new AssertionError("no step " + name + " in " + file.path("steps"));
  }
}
