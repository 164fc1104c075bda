package cn.gov.wuzhou.tolerance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 市县两级: a 藤县 unit's case and pre-filing are handled by 藤县's own bodies only, its protection notices taken note
 * of by 藤县's 组织部, 人社, 纪委 and 政协. Its records are seen in the county and the city.
 */
@HttpTest
class CountyJurisdictionHttpTest {

  // the groups that take part in a tolerated 藤县 case of a 政协委员 and 后备干部
  static final Set<String> TENGXIAN_CASE = Set.of("unit-tengxian-agri", "tengxian-party-committee",
      "tengxian-discipline-inspection", "tengxian-organization-dept", "tengxian-accountability-office",
      "tengxian-hr-social-security", "tengxian-cppcc-committee");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Today today;
  Rest rest;
  Desk desk;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest);
  }

  @Test
  void aTengxianCaseIsWorkedByTengxiansBodiesAndSeenInTheCountyAndTheCity() {
    Map<String, Object> report = new LinkedHashMap<>(CaseDriver.validReport(today.date()));
    report.put("officialRoles", "CPPCC_MEMBER,RESERVE_CADRE");
    Reply started = rest.post("tengxian-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(report));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    String id = started.text("id");

    desk.work("tengxian-party", "tengxian-party-committee", id, "acknowledgeBySuperiorCommittee",
        Map.of("superiorAcknowledged", true));
    desk.work("tengxian-jiwei", "tengxian-discipline-inspection", id, "acknowledgeByDisciplineInspection",
        Map.of("disciplineAcknowledged", true));
    desk.work("tengxian-clerk", "unit-tengxian-agri", id, "submitCorrectionPlan", Map.of("correctionPlan", "重新论证"));
    desk.work("tengxian-clerk", "unit-tengxian-agri", id, "reportCorrectionCompleted",
        Map.of("correctionCompletedOn", today.date().toString(), "correctionReport", "已整改"));
    desk.work("tengxian-jiwei", "tengxian-discipline-inspection", id, "verifyCorrection",
        Map.of("correctionVerified", "true"));
    desk.work("tengxian-wenze", "tengxian-accountability-office", id, "reviewCase", CaseDriver.cleanFindings());
    desk.work("tengxian-wenze", "tengxian-accountability-office", id, "proposeDetermination", Map.of());
    desk.work("tengxian-party", "tengxian-party-committee", id, "approveDetermination", Map.of("approved", "true"));
    desk.work("tengxian-zuzhi", "tengxian-organization-dept", id, "confirmOfficialRoles", Map.of());
    desk.work("tengxian-zuzhi", "tengxian-organization-dept", id, "acknowledgeProtection",
        Map.of("protectionAcknowledged", true));
    desk.work("tengxian-renshe", "tengxian-hr-social-security", id, "acknowledgeProtection",
        Map.of("protectionAcknowledged", true));
    desk.work("tengxian-jiwei", "tengxian-discipline-inspection", id, "acknowledgeProtection",
        Map.of("protectionAcknowledged", true));
    desk.work("tengxian-zhengxie", "tengxian-cppcc-committee", id, "acknowledgeProtection",
        Map.of("protectionAcknowledged", true));
    desk.serveDecision("tengxian-clerk", "unit-tengxian-agri", id, today.date());
    desk.awaitEnded("tengxian-clerk", id);

    assertThat(candidateGroupsOf(id)).containsExactlyInAnyOrderElementsOf(TENGXIAN_CASE);
    String decisionNo = desk.variable("tengxian-clerk", id, "decisionNo").asText();
    for (String user : List.of("tengxian-zuzhi", "tengxian-jiwei", "zuzhi", "tengxian-clerk")) {
      assertThat(rest.get(user, "/api/decisions/" + decisionNo).status()).as(user).isEqualTo(200);
    }
    assertThat(rest.get("commerce-clerk", "/api/decisions/" + decisionNo).status()).isEqualTo(404);
    JsonNode notices = rest.get("tengxian-zuzhi", "/api/protections?officialId=" + report.get("officialId")).body();
    assertThat(notices.path("items").findValues("matter")).extracting(matter -> matter.path("code").asText())
        .contains("CPPCC_MEMBER", "RESERVE_CADRE").doesNotContain("NPC_DEPUTY");
  }

  @Test
  void theCountysOwnBodiesDoNotSeeTheCitysRecords() {
    String city = decidedCommerceCase();

    assertThat(rest.get("tengxian-zuzhi", "/api/decisions/" + city).status()).isEqualTo(404);
    assertThat(rest.get("zuzhi", "/api/decisions/" + city).status()).isEqualTo(200);
    assertThat(candidateGroupsOf(processOf(city))).as("a city case stays with the city's bodies")
        .contains("superior-party-committee", "discipline-inspection", "accountability-office")
        .noneMatch(group -> group.startsWith("tengxian-"));
  }

  @Test
  void aUnitsOwnPartyOrganizationWorksItsCaseAndSeesItsRecordsOnly() {
    String id = rest.post("transport-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseDriver.validReport(today.date()))).text("id");
    desk.work("transport-party", "transport-party-group", id, "acknowledgeBySuperiorCommittee",
        Map.of("superiorAcknowledged", true));
    desk.work("jiwei", "discipline-inspection", id, "acknowledgeByDisciplineInspection",
        Map.of("disciplineAcknowledged", true));
    desk.work("transport-clerk", "unit-transport", id, "submitCorrectionPlan", Map.of("correctionPlan", "重新招标"));
    desk.work("transport-clerk", "unit-transport", id, "reportCorrectionCompleted",
        Map.of("correctionCompletedOn", today.date().toString(), "correctionReport", "已整改"));
    desk.work("jiwei", "discipline-inspection", id, "verifyCorrection", Map.of("correctionVerified", "true"));
    desk.work("wenze", "accountability-office", id, "reviewCase", CaseDriver.findingsWith("subjectiveIntent", "true"));
    desk.work("wenze", "accountability-office", id, "proposeDetermination", Map.of());
    desk.work("transport-party", "transport-party-group", id, "approveDetermination", Map.of("approved", "true"));
    desk.awaitTask("wenze", "accountability-office", id, "handOverToAccountability");
    String decisionNo = desk.variable("wenze", id, "decisionNo").asText();

    assertThat(candidateGroupsOf(id)).doesNotContain("superior-party-committee");
    assertThat(rest.get("transport-party", "/api/decisions/" + decisionNo).status()).isEqualTo(200);
    assertThat(rest.get("transport-party", "/api/decisions/" + decidedCommerceCase()).status()).isEqualTo(404);
  }

  @Test
  void aTengxianPreFilingWithTheCommissionIsReviewedByTengxiansCommission() {
    Map<String, Object> plan = new HashMap<>(Map.of("planTitle", "产业帮扶试点", "planSummary", "以奖代补",
        "workCategory", "RURAL_REVITALIZATION", "innovationNature", "EXPLORATORY", "riskAssessment", "台账跟踪",
        "plannedStart", today.date().plusDays(10).toString(), "filingAuthority", "discipline-inspection"));
    String id = rest.post("tengxian-clerk", "/engine-rest/process-definition/key/prefiling/start",
        Rest.withVariables(plan)).text("id");

    assertThat(rest.get("jiwei", "/engine-rest/task?processInstanceId=" + id + "&candidateGroup=discipline-inspection")
        .body()).isEmpty();
    desk.work("tengxian-jiwei", "tengxian-discipline-inspection", id, "reviewPrefiling",
        Map.of("prefilingDecision", "REGISTERED"));
    desk.work("tengxian-clerk", "unit-tengxian-agri", id, "receivePrefilingReceipt", Map.of());
    desk.awaitEnded("tengxian-clerk", id);

    assertThat(candidateGroupsOf(id)).containsExactlyInAnyOrder("tengxian-discipline-inspection", "unit-tengxian-agri");
    String prefilingNo = desk.variable("tengxian-clerk", id, "prefilingNo").asText();
    assertThat(rest.get("tengxian-jiwei", "/api/prefilings/" + prefilingNo).status()).isEqualTo(200);
    assertThat(rest.get("commerce-clerk", "/api/prefilings/" + prefilingNo).status()).isEqualTo(404);
  }

  @Test
  void theFormsListOfRolesComesAsTasklistSendsItAndIsKeptAsCodes() {
    // Tasklist sends a checklist's choices as a variable of type Json
    ObjectNode variables = Rest.variables(CaseDriver.validReport(today.date()));
    variables.putObject("officialRoles").put("type", "Json").put("value", "[\"CPPCC_MEMBER\",\"PARTY_CONGRESS_DELEGATE\"]");

    Reply started = rest.post("tengxian-clerk", "/engine-rest/process-definition/key/toleranceCase/submit-form",
        Map.of("variables", variables));
    Reply refused = rest.post("tengxian-clerk", "/engine-rest/process-definition/key/toleranceCase/submit-form",
        Rest.withVariables(Map.of("officialRoles", "MAYOR")));

    assertThat(started.status()).as("%s", started.body()).isEqualTo(200);
    assertThat(desk.variable("tengxian-clerk", started.text("id"), "officialRoles").asText())
        .isEqualTo("CPPCC_MEMBER,PARTY_CONGRESS_DELEGATE");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("field")).isEqualTo("officialRoles");
  }

  @Test
  void aTengxianReportAcrossTheNationalDayHolidayIsCountedInWorkingDaysFromTheDateTheCommissionConfirms() {
    Map<String, Object> report = new LinkedHashMap<>(CaseDriver.validReport(today.date()));
    report.put("discoveredOn", "2026-09-28"); // a Monday; the unit's word
    report.put("reportedOn", "2026-10-09");
    String id = rest.post("tengxian-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(report)).text("id");
    String acknowledgement = desk.claim("tengxian-jiwei", "tengxian-discipline-inspection", id,
        "acknowledgeByDisciplineInspection");

    Reply unexplained = rest.post("tengxian-jiwei", "/engine-rest/task/" + acknowledgement + "/submit-form",
        Rest.withVariables(Map.of("disciplineAcknowledged", true, "reportReceivedOn", "2026-10-09",
            "confirmedDiscoveredOn", "2026-09-30")));
    assertThat(unexplained.status()).isEqualTo(400);
    assertThat(unexplained.text("field")).isEqualTo("discoveryCorrectionReason");
    assertThat(desk.variable("tengxian-jiwei", id, "discoveredOn").asText()).isEqualTo("2026-09-28");

    // discovered Wednesday 30 September, received Friday 9 October: 1–7 October are public holidays, so
    // only the 8th and the 9th are working days — within the city's three, though nine calendar days passed
    desk.complete("tengxian-jiwei", acknowledgement, Map.of("disciplineAcknowledged", true,
        "reportReceivedOn", "2026-10-09", "confirmedDiscoveredOn", "2026-09-30",
        "discoveryCorrectionReason", "经核实，项目监理于9月30日首次书面报告偏差"));

    assertThat(desk.variable("tengxian-jiwei", id, "discoveredOn").asText()).isEqualTo("2026-09-30");
    assertThat(desk.variable("tengxian-jiwei", id, "reportedDiscoveredOn").asText()).isEqualTo("2026-09-28");
    assertThat(desk.variable("tengxian-jiwei", id, "reportingDelayDays").asLong()).isEqualTo(9);
    assertThat(desk.variable("tengxian-jiwei", id, "reportingDelayWorkingDays").asLong()).isEqualTo(2);
    assertThat(desk.variable("tengxian-jiwei", id, "reportedTimely").asBoolean()).isTrue();
  }

  private String decidedCommerceCase() {
    String id = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseDriver.validReport(today.date()))).text("id");
    desk.acknowledgeAndCorrect(id, today.date());
    desk.work("wenze", "accountability-office", id, "reviewCase", CaseDriver.findingsWith("subjectiveIntent", "true"));
    desk.work("wenze", "accountability-office", id, "proposeDetermination", Map.of());
    desk.work("party-secretary", "superior-party-committee", id, "approveDetermination", Map.of("approved", "true"));
    desk.awaitTask("wenze", "accountability-office", id, "handOverToAccountability");
    return desk.variable("wenze", id, "decisionNo").asText();
  }

  private String processOf(String decisionNo) {
    return jdbc.queryForObject("SELECT process_instance_id FROM decision WHERE decision_no = ?", String.class, decisionNo);
  }

  private List<String> candidateGroupsOf(String processInstanceId) {
    return jdbc.queryForList("SELECT DISTINCT l.GROUP_ID_ FROM ACT_HI_IDENTITYLINK l JOIN ACT_HI_TASKINST t"
        + " ON t.ID_ = l.TASK_ID_ WHERE t.PROC_INST_ID_ = ? AND l.GROUP_ID_ IS NOT NULL", String.class, processInstanceId);
  }
}
