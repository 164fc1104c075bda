package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.support.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.registry.PrefilingRecord;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
import cn.gov.wuzhou.tolerance.registry.ProtectionNotice;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of {@code toleranceCase}. */
@ProcessTest
class ToleranceCaseProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired PrefilingRegistry prefilings;
  @Autowired DecisionRegistry decisions;
  @Autowired ProtectionRegistry protections;
  @Autowired Today today;

  CaseDriver cases;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    cases = new CaseDriver(engine, today);
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void officialOutOfScopeEndsNotApplicableWithoutAnyTask() {
    ProcessInstance instance = cases.report(cases.reportWith("officialCategory", "OTHER"));

    assertThat(instance).isEnded().hasPassed("caseNotApplicable")
        .variables().containsEntry("determination", "NOT_APPLICABLE").containsKey("eligibilityReason");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void cleanKeyWorkCaseIsToleratedAndProtectionNoticesAreAcknowledged() {
    ProcessInstance instance = cases.report(cases.validReport());

    assertThat(instance).isWaitingAt("acknowledgeBySuperiorCommittee", "acknowledgeByDisciplineInspection",
        "submitCorrectionPlan");
    assertThat(task("acknowledgeBySuperiorCommittee", instance)).hasCandidateGroup("superior-party-committee");
    assertThat(task("acknowledgeByDisciplineInspection", instance)).hasCandidateGroup("discipline-inspection");
    assertThat(task("submitCorrectionPlan", instance)).hasCandidateGroup("unit-commerce");
    assertThat(instance).variables().containsEntry("eligible", true).containsEntry("circumstance", "KEY_WORK")
        .containsEntry("prefiled", false).containsEntry("reportedTimely", true);

    cases.acknowledgeReport(instance);
    cases.correct(instance, today());
    assertThat(instance).isWaitingAt("reviewCase").task().hasCandidateGroup("accountability-office");
    assertThat(instance).variables().containsEntry("correctedTimely", true);

    complete(task(instance), CaseDriver.cleanFindings());
    assertThat(instance).isWaitingAt("proposeDetermination").variables()
        .containsEntry("recommendation", "TOLERATE")
        .containsEntry("proposedDetermination", "TOLERATE")
        .containsEntry("complexMatter", false)
        .containsEntry("followedDecisionProcedure", true);

    complete(task(instance));
    assertThat(instance).isWaitingAt("approveDetermination").task().hasCandidateGroup("superior-party-committee");
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));

    String decisionNo = (String) runtimeService.getVariable(instance.getId(), "decisionNo");
    assertThat(decisionNo).matches("WZRC-\\d{4}-\\d{4}");
    var decision = decisions.find(decisionNo).orElseThrow();
    assertThat(decision.determination()).isEqualTo("TOLERATE");
    assertThat(decision.basis()).contains("规则建议容错免责").contains("审查意见");

    execute(job(instance));
    assertThat(protections.ofDecision(decisionNo)).hasSize(10);
    assertThat(task("acknowledgeProtectionByOrganization", instance)).hasCandidateGroup("organization-dept");
    assertThat(task("acknowledgeProtectionByHr", instance)).hasCandidateGroup("hr-social-security");
    claimAndComplete("acknowledgeProtectionByOrganization", instance, "zuzhi", Map.of("protectionAcknowledged", true));
    claimAndComplete("acknowledgeProtectionByHr", instance, "renshe", Map.of("protectionAcknowledged", true));
    cases.runJobs(instance);

    assertThat(instance).isEnded().hasPassed("caseTolerated");
    assertThat(protections.ofDecision(decisionNo)).allSatisfy(notice -> {
      assertThat(notice.organizationAcknowledgedBy()).isEqualTo("zuzhi");
      assertThat(notice.hrAcknowledgedBy()).isEqualTo("renshe");
    }).extracting(ProtectionNotice::matter).contains("ANNUAL_ASSESSMENT", "RESERVE_CADRE");
  }

  @Test
  void registeredPreFilingOfTheSameUnitCountsAndTolerates() {
    String prefilingNo = registerPrefiling("unit-commerce", today().minusDays(30));
    ProcessInstance instance = cases.report(cases.reportWith("workCategory", "OTHER", "prefilingNo", prefilingNo));

    assertThat(instance).variables().containsEntry("prefiled", true).containsEntry("circumstance", "OTHER");
    cases.acknowledgeReport(instance);
    cases.correct(instance, today());
    complete(task(instance), CaseDriver.cleanFindings());

    assertThat(instance).variables().containsEntry("recommendation", "TOLERATE");
    assertThat((String) runtimeService.getVariable(instance.getId(), "recommendationBasis")).contains("事前备案");
  }

  @Test
  void preFilingThatDoesNotQualifyIsNoteButNoError() {
    String otherUnits = registerPrefiling("unit-tengxian-agri", today().minusDays(30));
    String tooLate = registerPrefiling("unit-commerce", today().minusDays(1));

    ProcessInstance unknown = cases.report(cases.reportWith("prefilingNo", "WZBA-1999-9999"));
    ProcessInstance foreign = cases.report(cases.reportWith("prefilingNo", otherUnits));
    ProcessInstance late = cases.report(cases.reportWith("prefilingNo", tooLate));

    assertThat(unknown).variables().containsEntry("prefiled", false);
    assertThat(foreign).variables().containsEntry("prefiled", false);
    assertThat(late).variables().containsEntry("prefiled", false);
    assertThat((String) runtimeService.getVariable(unknown.getId(), "prefilingNote")).contains("未登记");
    assertThat((String) runtimeService.getVariable(foreign.getId(), "prefilingNote")).contains("不是本单位");
    assertThat((String) runtimeService.getVariable(late.getId(), "prefilingNote")).contains("晚于错情发现日期");
  }

  @Test
  void reportAfterTheReportingDeadlineIsNotTimely() {
    ProcessInstance instance = cases.report(cases.reportWith(
        "discoveredOn", today().minusDays(10).toString(), "reportedOn", today().minusDays(6).toString()));

    assertThat(instance).variables().containsEntry("reportedTimely", false).containsEntry("reportingDelayDays", 4L);
  }

  @Test
  void lateCorrectionRaisesSupervisionAndIsMitigated() {
    ProcessInstance instance = cases.report(cases.reportWith(
        "discoveredOn", today().minusDays(41).toString(), "reportedOn", today().minusDays(40).toString()));
    assertThat(instance).variables().containsEntry("correctionDeadline", today().minusDays(10).toString());

    Job deadline = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(deadline.getDuedate()).isBefore(new Date());
    execute(deadline);
    assertThat(instance).isWaitingAt("superviseCorrection", "submitCorrectionPlan");
    assertThat(task("superviseCorrection", instance)).hasCandidateGroup("superior-party-committee");
    complete(task("superviseCorrection", instance), withVariables("supervisionNote", "请于一周内完成整改。"));

    cases.acknowledgeReport(instance);
    cases.correct(instance, today());
    assertThat(instance).variables().containsEntry("correctedTimely", false);
    complete(task(instance), CaseDriver.cleanFindings());
    assertThat(instance).variables().containsEntry("recommendation", "MITIGATE");

    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    assertThat(instance).isWaitingAt("applyLighterHandling").task().hasCandidateGroup("accountability-office");
    complete(task(instance), withVariables("handlingMeasures", "诫勉谈话，免予党纪处分。"));

    assertThat(instance).isEnded().hasPassed("correctionSupervised", "caseMitigated");
  }

  @Test
  void correctionNotVerifiedGoesBackToTheUnit() {
    ProcessInstance instance = cases.report(cases.validReport());
    complete(task("submitCorrectionPlan", instance), withVariables("correctionPlan", "重新论证选址"));
    complete(task("reportCorrectionCompleted", instance),
        withVariables("correctionCompletedOn", today().toString(), "correctionReport", "已完成"));

    assertThatThrownBy(() -> complete(task("verifyCorrection", instance), withVariables("correctionVerified", "false")))
        .hasRootCauseInstanceOf(cn.gov.wuzhou.tolerance.common.InvalidFieldException.class);
    complete(task("verifyCorrection", instance),
        withVariables("correctionVerified", "false", "verificationComment", "缺少项目复工证明"));

    assertThat(instance).isWaitingAt("reportCorrectionCompleted", "acknowledgeBySuperiorCommittee",
        "acknowledgeByDisciplineInspection");
    assertThat(task("reportCorrectionCompleted", instance)).hasCandidateGroup("unit-commerce");
  }

  @Test
  void rejectedProposalReturnsToTheOfficeAndADepartureNeedsAReason() {
    ProcessInstance instance = cases.readyForReview();
    complete(task(instance), CaseDriver.cleanFindings());
    complete(task(instance));

    complete(task(instance), withVariables("approved", "false", "approvalComment", "请说明项目延期对群众的影响"));
    assertThat(instance).isWaitingAt("proposeDetermination");

    assertRefusedNaming("deviationReason", () -> complete(task(instance), withVariables("proposedDetermination", "MITIGATE")));
    complete(task(instance), withVariables("proposedDetermination", "MITIGATE", "deviationReason", "延期影响群众增收"));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));

    assertThat(instance).isWaitingAt("applyLighterHandling").variables().containsEntry("determination", "MITIGATE");
    var decision = decisions.findByProcessInstance(instance.getId()).orElseThrow();
    assertThat(decision.recommendation()).isEqualTo("TOLERATE");
    assertThat(decision.determination()).isEqualTo("MITIGATE");
    assertThat(decision.basis()).contains("延期影响群众增收");
  }

  @Test
  void personalGainIsHandedOverToOrdinaryAccountability() {
    ProcessInstance instance = cases.readyForReview();
    complete(task(instance), CaseDriver.findingsWith("personalGain", "true"));

    assertThat(instance).variables().containsEntry("recommendation", "NOT_TOLERATE");
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    assertThat(instance).isWaitingAt("handOverToAccountability");
    complete(task(instance), withVariables("handoverNote", "移交市纪委监委第三审查调查室"));

    assertThat(instance).isEnded().hasPassed("caseNotTolerated");
    assertThat(decisions.findByProcessInstance(instance.getId()).orElseThrow().determination())
        .isEqualTo("NOT_TOLERATE");
  }

  @Test
  void failingDecisionRecordBecomesAnIncidentAfterBackedOffRetriesAndResumesOnceFixed() {
    ProcessInstance instance = cases.readyForReview();
    complete(task(instance), CaseDriver.cleanFindings());
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    runtimeService.setVariable(instance.getId(), "officialPosition", "职".repeat(101)); // too long for the registry

    Job job = job(instance);
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
    Job retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retried.getDuedate()).isAfter(Date.from(Instant.now().plusSeconds(5)));
    while (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult()
        .getActivityId()).isEqualTo("recordDecision");
    assertThat(decisions.findByProcessInstance(instance.getId())).isEmpty();

    runtimeService.setVariable(instance.getId(), "officialPosition", "外资科科长");
    managementService.setJobRetries(job.getId(), 1);
    execute(job(instance));

    assertThat(instance).isWaitingAt("issueProtectionNotices");
    assertThat(decisions.findByProcessInstance(instance.getId())).isPresent();
  }

  private LocalDate today() {
    return today.date();
  }

  private void claimAndComplete(String taskKey, ProcessInstance instance, String user, Map<String, Object> variables) {
    String taskId = task(taskKey, instance).getId();
    engine.getTaskService().claim(taskId, user);
    engine.getTaskService().complete(taskId, variables);
  }

  private String registerPrefiling(String unitGroup, LocalDate registeredOn) {
    return prefilings.register(new PrefilingRecord(null, "test-" + System.nanoTime(), unitGroup, "某单位", "试点方案",
        "摘要", "OTHER", "EXPLORATORY", "评估", registeredOn, "discipline-inspection", registeredOn, "jiwei", null));
  }
}
