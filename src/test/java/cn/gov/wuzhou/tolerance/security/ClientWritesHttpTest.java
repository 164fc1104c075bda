package cn.gov.wuzhou.tolerance.security;

import static cn.gov.wuzhou.tolerance.support.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.CaseState;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hostile clerk with a valid login and the plain {@code /engine-rest} Tasklist uses: each form is the
 * contract of what they may submit, and every refusal leaves the case exactly as it was.
 */
@HttpTest
class ClientWritesHttpTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Today today;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  Rest rest;
  Desk desk;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "reportedTimely, true",
      "prefiled, true",
      "prefilingNo, WZBA-2026-9999",
      "circumstance, KEY_WORK",
      "unitGroup, unit-tengxian-agri",
      "recommendation, TOLERATE",
      "decisionNo, WZRC-2026-0001"})
  void aDerivedFactSentWithACompletionIsRefusedAndChangesNothing(String name, String value) {
    String caseId = report(CaseDriver.validReport(today.date()));
    String taskId = desk.claim("commerce-clerk", "unit-commerce", caseId, "submitCorrectionPlan");
    CaseState before = CaseState.of(jdbc, caseId);

    Map<String, Object> submitted = new LinkedHashMap<>();
    submitted.put("correctionPlan", "整改");
    submitted.put(name, value);
    Reply reply = rest.post("commerce-clerk", "/engine-rest/task/" + taskId + "/complete", Rest.withVariables(submitted));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("field")).isEqualTo(name);
    assertThat(reply.text("message")).contains(name).contains("不是本表单的填写项");
    assertThat(CaseState.of(jdbc, caseId)).isEqualTo(before);
    desk.complete("commerce-clerk", taskId, Map.of("correctionPlan", "整改"));
  }

  @Test
  void aCaseRefusedAnotherCircumstanceIsDecidedOnItsOwnFactsAndStaysWithItsUnit() {
    String caseId = report(reportWith("workCategory", "OTHER"));
    desk.work("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee",
        Map.of("superiorAcknowledged", true));
    desk.work("jiwei", "discipline-inspection", caseId, "acknowledgeByDisciplineInspection",
        Map.of("disciplineAcknowledged", true));
    String taskId = desk.claim("commerce-clerk", "unit-commerce", caseId, "submitCorrectionPlan");
    assertThat(rest.post("commerce-clerk", "/engine-rest/task/" + taskId + "/complete", Rest.withVariables(Map.of(
        "correctionPlan", "整改", "circumstance", "KEY_WORK", "unitGroup", "unit-tengxian-agri"))).status()).isEqualTo(400);

    desk.complete("commerce-clerk", taskId, Map.of("correctionPlan", "整改"));
    desk.work("commerce-clerk", "unit-commerce", caseId, "reportCorrectionCompleted",
        Map.of("correctionCompletedOn", today.date().toString(), "correctionReport", "已整改"));
    desk.work("jiwei", "discipline-inspection", caseId, "verifyCorrection", Map.of("correctionVerified", "true"));
    desk.work("wenze", "accountability-office", caseId, "reviewCase", CaseDriver.cleanFindings());

    assertThat(desk.variable("wenze", caseId, "circumstance").asText()).isEqualTo("OTHER");
    assertThat(desk.variable("wenze", caseId, "recommendation").asText()).isNotEqualTo("TOLERATE");
    assertThat(desk.variable("wenze", caseId, "unitGroup").asText()).isEqualTo("unit-commerce");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "unitName, 市纪委监委",
      "unitName, <a href=\"https://example.com\">市商务局</a>",
      "reportedBy, jiwei",
      "prefiled, true",
      "determination, TOLERATE"})
  void aStartCarriesOnlyTheFieldsOfTheReportForm(String name, String value) {
    long instances = count("ACT_HI_PROCINST");
    long variables = count("ACT_HI_VARINST");

    Reply reply = start("toleranceCase", reportWith(name, value));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("field")).isEqualTo(name);
    assertThat(count("ACT_HI_PROCINST")).isEqualTo(instances);
    assertThat(count("ACT_HI_VARINST")).isEqualTo(variables);
  }

  @Test
  void theUnitAndWhoFiledArePutOnRecordByTheServer() {
    Map<String, Object> plan = new HashMap<>(Map.of("planTitle", "容缺受理试点", "planSummary", "先批后补",
        "workCategory", "INVESTMENT_ATTRACTION", "innovationNature", "INNOVATIVE", "riskAssessment", "台账跟踪",
        "plannedStart", "2030-12-01", "filingAuthority", "discipline-inspection"));
    for (String forged : List.of("submittedBy", "registeredOn", "prefilingNo", "unitName")) {
      Map<String, Object> forgery = new HashMap<>(plan);
      forgery.put(forged, "x");
      assertThat(start("prefiling", forgery).text("field")).isEqualTo(forged);
    }

    String instanceId = start("prefiling", plan).text("id");

    assertThat(desk.variable("commerce-clerk", instanceId, "unitName").asText()).isEqualTo("市商务局");
    assertThat(desk.variable("commerce-clerk", instanceId, "submittedBy").asText()).isEqualTo("commerce-clerk");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "text over its limit    | {\"correctionPlan\":{\"value\":\"LONG\"}}",
      "number for a text      | {\"correctionPlan\":{\"value\":42}}",
      "bytes                  | {\"correctionPlan\":{\"value\":\"aGVsbG8=\",\"type\":\"Bytes\"}}",
      "serialized Java object | {\"correctionPlan\":{\"value\":\"rO0ABXQAAWE=\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}",
      "JSON object            | {\"correctionPlan\":{\"value\":{\"plan\":\"整改\"}}}"})
  void aValueOfTheWrongTypeOrSizeIsRefusedAndChangesNothing(String what, String variables) {
    String caseId = report(CaseDriver.validReport(today.date()));
    String taskId = desk.claim("commerce-clerk", "unit-commerce", caseId, "submitCorrectionPlan");
    CaseState before = CaseState.of(jdbc, caseId);
    String body = "{\"variables\":" + variables.replace("LONG", "整".repeat(4001)) + "}";

    Reply reply = rest.sendRaw("commerce-clerk", "POST", "/engine-rest/task/" + taskId + "/complete", body);

    assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(400);
    assertThat(reply.text("field")).isEqualTo("correctionPlan");
    assertThat(reply.text("message")).startsWith("整改方案");
    assertThat(CaseState.of(jdbc, caseId)).isEqualTo(before);
  }

  @Test
  void anOversizedRequestIsRefusedBeforeAnythingReadsIt() {
    long instances = count("ACT_HI_PROCINST");
    String huge = "{\"variables\":{\"errorDescription\":{\"value\":\"" + "A".repeat(14 * 1024 * 1024) + "\"}}}";

    Reply reply = rest.sendRaw("commerce-clerk", "POST", "/engine-rest/process-definition/key/toleranceCase/start", huge);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.text("message")).contains("请求内容过大");
    assertThat(count("ACT_HI_PROCINST")).isEqualTo(instances);
  }

  @Test
  void thousandsOfExtraVariablesAreRefusedNamingOne() {
    long variables = count("ACT_HI_VARINST");
    Map<String, Object> report = new LinkedHashMap<>(CaseDriver.validReport(today.date()));
    for (int i = 0; i < 2000; i++) {
      report.put("extra" + i, "x");
    }

    Reply reply = start("toleranceCase", report);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("field")).startsWith("extra");
    assertThat(count("ACT_HI_VARINST")).isEqualTo(variables);
  }

  @Test
  void aReadOnlyFieldSentBackUnchangedIsAcceptedAndNotRewrittenAChangedOneIsRefused() {
    String caseId = report(CaseDriver.validReport(today.date()));
    String taskId = desk.claim("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee");
    CaseState before = CaseState.of(jdbc, caseId);

    Reply changed = rest.post("party-secretary", "/engine-rest/task/" + taskId + "/submit-form", Rest.withVariables(Map.of(
        "officialName", "王五", "superiorAcknowledged", true)));
    assertThat(changed.status()).isEqualTo(400);
    assertThat(changed.text("field")).isEqualTo("officialName");
    assertThat(changed.text("message")).isEqualTo("当事人姓名为只读项，不能修改");
    assertThat(CaseState.of(jdbc, caseId)).isEqualTo(before);

    long officialNameRows = jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND NAME_ = 'officialName'", Long.class, caseId);
    desk.submitForm("party-secretary", taskId, Map.of("officialName", "李明", "unitName", "市商务局",
        "discoveredOn", today.date().minusDays(2).toString(), "superiorAcknowledged", true));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND NAME_ = 'officialName'",
        Long.class, caseId)).isEqualTo(officialNameRows);
  }

  @Test
  void aClaimIsForOneselfAndOnesOwnClaimCanBeGivenBack() {
    String caseId = report(CaseDriver.validReport(today.date()));
    String taskId = desk.awaitTask("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee");
    CaseState before = CaseState.of(jdbc, caseId);

    assertThat(rest.post("party-secretary", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "tengxian-clerk"))
        .status()).isEqualTo(403);
    assertThat(CaseState.of(jdbc, caseId)).isEqualTo(before);

    assertThat(rest.post("party-secretary", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "party-secretary"))
        .status()).isEqualTo(204);
    CaseState claimed = CaseState.of(jdbc, caseId);
    assertThat(rest.post("commerce-clerk", "/engine-rest/task/" + taskId + "/unclaim", Map.of()).status())
        .isIn(403, 404);
    assertThat(CaseState.of(jdbc, caseId)).isEqualTo(claimed);

    assertThat(rest.post("party-secretary", "/engine-rest/task/" + taskId + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(jdbc.queryForObject("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, taskId)).isNull();
    assertThat(rest.post("admin", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "party-secretary"))
        .status()).as("administrators may assign").isEqualTo(204);
  }

  @Test
  void variablesAndTheCasesCourseAreChangedOnlyThroughTheForms() {
    String caseId = report(CaseDriver.validReport(today.date()));
    String taskId = desk.claim("commerce-clerk", "unit-commerce", caseId, "submitCorrectionPlan");
    CaseState before = CaseState.of(jdbc, caseId);
    Map<String, Object> reportedTimely = Map.of("value", false);

    assertThat(rest.send("commerce-clerk", "PUT", "/engine-rest/task/" + taskId + "/variables/reportedTimely", reportedTimely)
        .status()).isEqualTo(403);
    assertThat(rest.send("commerce-clerk", "PUT", "/engine-rest/task/" + taskId + "/localVariables/correctionPlan",
        Map.of("value", "整改")).status()).isEqualTo(403);
    assertThat(rest.post("commerce-clerk", "/engine-rest/task/" + taskId + "/variables",
        Map.of("modifications", Map.of("reportedTimely", reportedTimely))).status()).isEqualTo(403);
    assertThat(rest.post("commerce-clerk", "/engine-rest/process-instance/" + caseId + "/variables",
        Map.of("modifications", Map.of("reportedTimely", reportedTimely))).status()).isEqualTo(403);
    assertThat(rest.post("commerce-clerk", "/engine-rest/task/" + taskId + "/bpmnError",
        Map.of("errorCode", "abandon")).status()).isEqualTo(403);
    assertThat(rest.post("commerce-clerk", "/engine-rest/process-instance/" + caseId + "/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "recordDecision")))).status())
        .isEqualTo(403);
    assertThat(CaseState.of(jdbc, caseId)).isEqualTo(before);

    assertThat(rest.send("admin", "PUT", "/engine-rest/process-instance/" + caseId + "/variables/supervisionNote",
        Map.of("value", "管理员更正")).status()).as("administrators repair cases").isEqualTo(204);
  }

  @Test
  void theSameContractHoldsForTheJavaApi() {
    String caseId = report(CaseDriver.validReport(today.date()));
    String taskId = desk.claim("commerce-clerk", "unit-commerce", caseId, "submitCorrectionPlan");
    CaseState before = CaseState.of(jdbc, caseId);

    identityService.setAuthentication("commerce-clerk", List.of("unit-commerce"));
    try {
      assertRefusedNaming("prefiled",
          () -> taskService.complete(taskId, Map.of("correctionPlan", "整改", "prefiled", true)));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(CaseState.of(jdbc, caseId)).isEqualTo(before);
  }

  private String report(Map<String, Object> report) {
    Reply reply = start("toleranceCase", report);
    assertThat(reply.status()).as("start: %s", reply.body()).isEqualTo(200);
    return reply.text("id");
  }

  private Reply start(String processKey, Map<String, Object> variables) {
    return rest.post("commerce-clerk", "/engine-rest/process-definition/key/" + processKey + "/start",
        Rest.withVariables(variables));
  }

  private Map<String, Object> reportWith(String name, Object value) {
    Map<String, Object> report = new LinkedHashMap<>(CaseDriver.validReport(today.date()));
    report.put(name, value);
    return report;
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }
}
