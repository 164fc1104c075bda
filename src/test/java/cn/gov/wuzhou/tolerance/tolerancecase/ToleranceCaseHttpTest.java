package cn.gov.wuzhou.tolerance.tolerancecase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.ProtectionNotice;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whole tolerance cases worked through {@code /engine-rest} by the clerks of each agency. */
@HttpTest
class ToleranceCaseHttpTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProtectionRegistry protections;
  @Autowired Today today;
  Rest rest;
  Desk desk;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest);
  }

  @Test
  void toleratedCaseFromReportToProtectionNotices() {
    String id = report(CaseDriver.validReport(today.date()));
    desk.acknowledgeAndCorrect(id, today.date());
    desk.work("wenze", "accountability-office", id, "reviewCase", CaseDriver.cleanFindings());
    desk.work("wenze", "accountability-office", id, "proposeDetermination", Map.of());
    desk.work("party-secretary", "superior-party-committee", id, "approveDetermination", Map.of("approved", "true"));
    desk.work("zuzhi", "organization-dept", id, "confirmOfficialRoles", Map.of());
    desk.work("zuzhi", "organization-dept", id, "acknowledgeProtection", Map.of("protectionAcknowledged", true));
    desk.work("renshe", "hr-social-security", id, "acknowledgeProtection", Map.of("protectionAcknowledged", true));
    desk.work("jiwei", "discipline-inspection", id, "acknowledgeProtection", Map.of("protectionAcknowledged", true));
    desk.serveDecision("commerce-clerk", "unit-commerce", id, today.date());
    desk.awaitEnded("commerce-clerk", id);

    assertThat(desk.variable("commerce-clerk", id, "recommendation").asText()).isEqualTo("TOLERATE");
    assertThat(desk.variable("commerce-clerk", id, "determination").asText()).isEqualTo("TOLERATE");
    String decisionNo = desk.variable("commerce-clerk", id, "decisionNo").asText();
    assertThat(decisionNo).matches("WZRC-\\d{4}-\\d{4}");
    assertThat(protections.ofDecision(decisionNo)).hasSize(6).allSatisfy(notice ->
        assertThat(notice.acknowledgements()).allSatisfy(note -> assertThat(note.on()).isNotNull()))
        .extracting(ProtectionNotice::matter).contains("SELECTION_APPOINTMENT", "PARTY_CONDUCT_ASSESSMENT");
  }

  @Test
  void caseWithSubjectiveIntentIsHandedOverAndProtectsNothing() {
    String id = report(CaseDriver.validReport(today.date()));
    desk.acknowledgeAndCorrect(id, today.date());
    desk.work("wenze", "accountability-office", id, "reviewCase", CaseDriver.findingsWith("subjectiveIntent", "true"));
    desk.work("wenze", "accountability-office", id, "proposeDetermination", Map.of());
    desk.work("party-secretary", "superior-party-committee", id, "approveDetermination", Map.of("approved", "true"));
    desk.work("wenze", "accountability-office", id, "handOverToAccountability", Map.of("handoverNote", "移交问责"));
    desk.serveDecision("commerce-clerk", "unit-commerce", id, today.date());
    desk.awaitEnded("commerce-clerk", id);

    assertThat(desk.variable("commerce-clerk", id, "recommendation").asText()).isEqualTo("NOT_TOLERATE");
    assertThat(desk.variable("commerce-clerk", id, "determination").asText()).isEqualTo("NOT_TOLERATE");
    String decisionNo = desk.variable("commerce-clerk", id, "decisionNo").asText();
    assertThat(protections.ofDecision(decisionNo)).isEmpty();
  }

  @ParameterizedTest(name = "{0} found, {1} proposed")
  @CsvSource({
      "personalGain, true, TOLERATE, 谋取私利",
      "subjectiveIntent, true, MITIGATE, 存在主观故意",
      "violatedDisciplineOrLaw, true, TOLERATE, 违反党纪和法律法规",
      "actedInPublicInterest, false, TOLERATE, 不是出于公心、担当尽责"})
  void aProposalAgainstAnAdverseFindingIsRefusedAndChangesNothing(String finding, String value, String proposed,
      String words) {
    String id = report(CaseDriver.validReport(today.date()));
    desk.acknowledgeAndCorrect(id, today.date());
    desk.work("wenze", "accountability-office", id, "reviewCase", CaseDriver.findingsWith(finding, value));
    String proposal = desk.claim("wenze", "accountability-office", id, "proposeDetermination");

    Reply reply = rest.post("wenze", "/engine-rest/task/" + proposal + "/submit-form", Rest.withVariables(
        Map.of("proposedDetermination", proposed, "deviationReason", "金额较小，酌定从宽", "reviewAgain", false)));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("field")).isEqualTo("proposedDetermination");
    assertThat(reply.text("message")).contains(words, "不予容错").doesNotContainPattern("[A-Za-z]");
    assertThat(rest.get("wenze", "/engine-rest/task/" + proposal).status()).isEqualTo(200);
    assertThat(desk.variable("wenze", id, "proposedDetermination").asText()).isEqualTo("NOT_TOLERATE");
    assertThat(rest.get("wenze", "/engine-rest/history/variable-instance?processInstanceId=" + id
        + "&variableName=deviationReason").body()).isEmpty();
    assertThat(rest.get("wenze", "/engine-rest/history/variable-instance?processInstanceId=" + id
        + "&variableName=determination").body()).isEmpty();
  }

  @Test
  void anApprovalOfAProposalAnAdverseFindingRulesOutIsRefusedAndChangesNothing() {
    String id = report(CaseDriver.validReport(today.date()));
    desk.acknowledgeAndCorrect(id, today.date());
    desk.work("wenze", "accountability-office", id, "reviewCase", CaseDriver.findingsWith("personalGain", "true"));
    desk.work("wenze", "accountability-office", id, "proposeDetermination", Map.of());
    // a proposal made before findings bound it: an administrator's repair stands for that past
    assertThat(rest.send("admin", "PUT", "/engine-rest/process-instance/" + id + "/variables/proposedDetermination",
        Map.of("value", "TOLERATE", "type", "String")).status()).isEqualTo(204);
    String approval = desk.claim("party-secretary", "superior-party-committee", id, "approveDetermination");

    Reply reply = rest.post("party-secretary", "/engine-rest/task/" + approval + "/submit-form",
        Rest.withVariables(Map.of("approved", "true")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("field")).isEqualTo("approved");
    assertThat(reply.text("message")).contains("谋取私利", "不予容错").doesNotContainPattern("[A-Za-z]");
    assertThat(rest.get("party-secretary", "/engine-rest/task/" + approval).status()).isEqualTo(200);
    assertThat(rest.get("party-secretary", "/engine-rest/history/variable-instance?processInstanceId=" + id
        + "&variableName=determination").body()).isEmpty();
    assertThat(count("decision WHERE process_instance_id = '" + id + "'")).isZero();
  }

  @Test
  void aReportOfAnOfficialMarkedOtherReachesBothBodiesAndEndsOnlyOnTheCommissionsWord() {
    String id = report(CaseDriver.validReport(today.date()), "officialCategory", "OTHER");

    desk.awaitTask("party-secretary", "superior-party-committee", id, "acknowledgeBySuperiorCommittee");
    String acknowledgement = desk.claim("jiwei", "discipline-inspection", id, "acknowledgeByDisciplineInspection");
    Reply refused = rest.post("jiwei", "/engine-rest/task/" + acknowledgement + "/submit-form",
        Rest.withVariables(Map.of("disciplineAcknowledged", true)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("field")).isEqualTo("scopeReason");
    assertThat(rest.get("jiwei", "/engine-rest/task/" + acknowledgement).status()).isEqualTo(200);

    desk.complete("jiwei", acknowledgement, Map.of("disciplineAcknowledged", true, "scopeReason", "当事人系企业临时聘用人员"));
    desk.awaitEnded("commerce-clerk", id);
    assertThat(desk.variable("commerce-clerk", id, "determination").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(desk.variable("commerce-clerk", id, "eligibilityReason").asText()).contains("企业临时聘用人员");
  }

  @Test
  void aClerkIsToldWhatIsMissingInTheWordsOfTheForm() {
    String id = report(CaseDriver.validReport(today.date()));
    desk.acknowledgeAndCorrect(id, today.date());
    desk.work("wenze", "accountability-office", id, "reviewCase", CaseDriver.cleanFindings());
    String proposal = desk.claim("wenze", "accountability-office", id, "proposeDetermination");

    Reply reply = rest.post("wenze", "/engine-rest/task/" + proposal + "/submit-form",
        Rest.withVariables(Map.of("proposedDetermination", "MITIGATE")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("field")).isEqualTo("deviationReason");
    assertThat(reply.text("message"))
        .isEqualTo("不同于规则建议的理由不能为空：拟认定为“减轻处理”，与规则建议“容错免责”不同")
        .doesNotContainPattern("[A-Za-z]");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "officialName, ",
      "officialCategory, CADRE",
      "workCategory, SPACE_PROGRAM",
      "errorType, ",
      "discoveredOn, TOMORROW",
      "reportedOn, BEFORE_DISCOVERY",
      "discoveredOn, 2026-13-01"})
  void badReportIsRefusedNamingTheFieldAndLeavesNothing(String field, String value) {
    LocalDate now = today.date();
    Map<String, Object> report = CaseDriver.validReport(now);
    if (value == null) {
      report.remove(field);
    } else {
      report.put(field, switch (value) {
        case "TOMORROW" -> now.plusDays(1).toString();
        case "BEFORE_DISCOVERY" -> now.minusDays(3).toString();
        default -> value;
      });
    }
    long instances = count("ACT_HI_PROCINST");
    long jobs = count("ACT_RU_JOB");
    long decisions = count("decision");

    Reply reply = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(report));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("field")).isEqualTo(field);
    assertThat(count("ACT_HI_PROCINST")).isEqualTo(instances);
    assertThat(count("ACT_RU_JOB")).isEqualTo(jobs);
    assertThat(count("decision")).isEqualTo(decisions);
  }

  private String report(Map<String, Object> report, String name, Object value) {
    report.put(name, value);
    return report(report);
  }

  private String report(Map<String, Object> report) {
    Reply reply = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(report));
    assertThat(reply.status()).as("start: %s", reply.body()).isEqualTo(200);
    return reply.text("id");
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }
}
