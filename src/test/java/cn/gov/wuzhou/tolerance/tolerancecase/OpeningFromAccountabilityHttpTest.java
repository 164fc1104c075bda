package cn.gov.wuzhou.tolerance.tolerancecase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 容错 weighed inside a 问责 matter: the unit's own level's 纪委监委 or 问责承办机关 opens the case, naming the unit,
 * which then works it as its own; a body of the other level, or a clerk of another unit, starts nothing.
 */
@HttpTest
class OpeningFromAccountabilityHttpTest {

  @LocalServerPort int port;
  @Autowired Today today;
  Rest rest;
  Desk desk;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest);
  }

  @ParameterizedTest(name = "{0} opens a case of {2}")
  @CsvSource({
      "jiwei, 市纪委监委, unit-commerce, commerce-clerk, discipline-inspection",
      "wenze, 问责承办机关, unit-commerce, commerce-clerk, discipline-inspection",
      "tengxian-jiwei, 藤县纪委监委, unit-tengxian-agri, tengxian-clerk, tengxian-discipline-inspection",
      "tengxian-wenze, 藤县问责承办机关, unit-tengxian-agri, tengxian-clerk, tengxian-discipline-inspection"})
  void aBodyOfTheUnitsLevelOpensACaseAndTheUnitReceivesItsTasks(String opener, String body, String unit, String clerk,
      String commission) {
    Reply started = start(opener, unit, "赵" + System.nanoTime() % 100000);

    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    String id = started.text("id");
    desk.work(clerk, unit, id, "submitCorrectionPlan", Map.of("correctionPlan", "重新论证选址"));
    desk.awaitTask(clerk, unit, id, "reportCorrectionCompleted");
    desk.awaitTask(opener.startsWith("tengxian") ? "tengxian-jiwei" : "jiwei", commission, id,
        "acknowledgeByDisciplineInspection");
    assertThat(desk.variable(clerk, id, "unitGroup").asText()).isEqualTo(unit);
    assertThat(desk.variable(clerk, id, "openingBody").asText()).isEqualTo(body);
  }

  @ParameterizedTest(name = "{0} may not open a case of {1}")
  @CsvSource({
      "tengxian-jiwei, unit-commerce, 市商务局",
      "tengxian-wenze, unit-commerce, 市商务局",
      "jiwei, unit-tengxian-agri, 藤县农业农村局",
      "wenze, unit-tengxian-agri, 藤县农业农村局",
      "commerce-clerk, unit-tengxian-agri, 藤县农业农村局",
      "tengxian-clerk, unit-commerce, 市商务局"})
  void aBodyOfTheOtherLevelOrAnotherUnitsClerkStartsNothing(String user, String unit, String unitName) {
    String official = "钱" + System.nanoTime() % 100000;

    Reply refused = start(user, unit, official);

    assertThat(refused.status()).as("start: %s", refused.body()).isEqualTo(400);
    assertThat(refused.text("field")).isEqualTo("unitGroup");
    assertThat(refused.text("message")).contains(unitName, "只能由本单位").doesNotContainPattern("[A-Za-z]");
    assertThat(rest.get("admin", "/engine-rest/history/variable-instance?variableName=officialName&variableValue="
        + URLEncoder.encode(official, StandardCharsets.UTF_8)).body()).isEmpty();
  }

  @Test
  void aBodyMustNameTheUnit() {
    String official = "孙" + System.nanoTime() % 100000;
    Map<String, Object> report = CaseDriver.validReport(today.date());
    report.put("officialName", official);

    Reply refused = rest.post("jiwei", "/engine-rest/process-definition/key/toleranceCase/start", Rest.withVariables(report));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("field")).isEqualTo("unitGroup");
    assertThat(refused.text("message")).contains("须填写所涉单位");
    assertThat(rest.get("admin", "/engine-rest/history/variable-instance?variableName=officialName&variableValue="
        + URLEncoder.encode(official, StandardCharsets.UTF_8)).body()).isEmpty();
  }

  @Test
  void theOrganizationDepartmentOpensNoCase() {
    assertThat(start("zuzhi", "unit-commerce", "李" + System.nanoTime() % 100000).status()).isEqualTo(403);
  }

  private Reply start(String user, String unit, String official) {
    Map<String, Object> report = CaseDriver.validReport(today.date());
    report.put("officialName", official);
    report.put("unitGroup", unit);
    return rest.post(user, "/engine-rest/process-definition/key/toleranceCase/start", Rest.withVariables(report));
  }
}
