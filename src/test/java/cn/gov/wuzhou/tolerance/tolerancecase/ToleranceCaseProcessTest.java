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
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
  void logOutAndResetTheClock() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void anOfficialTheUnitMarksOutOfScopeStillReachesBothBodiesAndTheCommissionConfirmsIt() {
    ProcessInstance instance = cases.report(cases.reportWith("officialCategory", "OTHER"));

    assertThat(instance).isWaitingAt("acknowledgeBySuperiorCommittee", "acknowledgeByDisciplineInspection", "submitCorrectionPlan")
        .variables().containsEntry("eligible", false).doesNotContainKey("determination");
    complete(task("acknowledgeBySuperiorCommittee", instance), withVariables("superiorAcknowledged", true));
    assertRefusedNaming("scopeReason", () -> complete(task("acknowledgeByDisciplineInspection", instance),
        withVariables("disciplineAcknowledged", true)));
    complete(task("acknowledgeByDisciplineInspection", instance),
        withVariables("disciplineAcknowledged", true, "scopeReason", "当事人系项目施工方聘用人员，不行使公权力。"));

    assertThat(instance).isEnded().hasPassed("caseNotApplicable")
        .variables().containsEntry("determination", "NOT_APPLICABLE");
    assertThat((String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("eligibilityReason").singleResult().getValue()).contains("经纪委监委确认", "施工方聘用人员");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).unfinished().count())
        .isZero();
  }

  @Test
  void theCommissionCorrectsTheCategoryOfAnOfficialMarkedOutOfScopeAndTheCaseGoesOn() {
    ProcessInstance instance = cases.report(cases.reportWith("officialCategory", "OTHER"));

    complete(task("acknowledgeByDisciplineInspection", instance), withVariables("disciplineAcknowledged", true,
        "officialCategory", "VILLAGE_COMMUNITY", "scopeReason", "当事人为村委会副主任，属于村（社区）基层自治组织管理人员。"));
    complete(task("acknowledgeBySuperiorCommittee", instance), withVariables("superiorAcknowledged", true));
    cases.correct(instance, today());

    assertThat(instance).isWaitingAt("reviewCase").variables().containsEntry("eligible", true)
        .containsEntry("officialCategory", "VILLAGE_COMMUNITY");
    complete(task(instance), CaseDriver.findingsWith("officialCategory", "VILLAGE_COMMUNITY"));
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    assertThat(decisions.findByProcessInstance(instance.getId()).orElseThrow().basis())
        .contains("纪委监委将人员类别由“其他”更正为“村（社区）基层自治组织管理人员”，理由：当事人为村委会副主任");
  }

  @Test
  void theCommissionDoesNotReclassifyAnOfficialTheUnitPlacedInScope() {
    ProcessInstance instance = cases.report(cases.validReport());

    assertRefusedNaming("officialCategory", () -> complete(task("acknowledgeByDisciplineInspection", instance),
        withVariables("disciplineAcknowledged", true, "officialCategory", "OTHER")));
    assertThat(instance).isWaitingAt("acknowledgeByDisciplineInspection");
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
        .containsEntry("prefiled", false);

    cases.acknowledgeReport(instance);
    assertThat(instance).variables().containsEntry("reportedTimely", true);
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
    cases.serveDecision(instance);

    String decisionNo = (String) runtimeService.getVariable(instance.getId(), "decisionNo");
    assertThat(decisionNo).matches("WZRC-\\d{4}-\\d{4}");
    var decision = decisions.find(decisionNo).orElseThrow();
    assertThat(decision.determination()).isEqualTo("TOLERATE");
    assertThat(decision.basis()).contains("规则建议容错免责").contains("核查认定意见");

    assertThat(instance).isWaitingAt("confirmOfficialRoles").task().hasCandidateGroup("organization-dept");
    complete(task(instance));
    execute(job(instance));
    assertThat(protections.ofDecision(decisionNo)).extracting(ProtectionNotice::matter)
        .as("an official who holds no seat or reserve status").hasSize(6)
        .doesNotContain("PARTY_CONGRESS_DELEGATE", "NPC_DEPUTY", "CPPCC_MEMBER", "RESERVE_CADRE");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("acknowledgeProtection").list())
        .extracting(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("organization-dept", "hr-social-security", "discipline-inspection");
    acknowledgeProtection(instance, "organization-dept", "zuzhi");
    acknowledgeProtection(instance, "hr-social-security", "renshe");
    acknowledgeProtection(instance, "discipline-inspection", "jiwei");

    assertThat(instance).isEnded().hasPassed("caseTolerated");
    assertThat(protections.ofDecision(decisionNo)).allSatisfy(notice -> assertThat(notice.acknowledgements())
        .isNotEmpty().allSatisfy(note -> assertThat(note.by()).isEqualTo(switch (note.department()) {
          case "ORGANIZATION" -> "zuzhi";
          case "HR" -> "renshe";
          default -> "jiwei";
        })));
    assertThat(protections.ofDecision(decisionNo)).filteredOn(notice -> notice.matter().equals("ANNUAL_ASSESSMENT"))
        .singleElement().extracting(notice -> notice.acknowledgements().size()).isEqualTo(2);
  }

  @Test
  void registeredPreFilingOfTheSameUnitAndWorkCountsOnceTheOfficeConfirmsTheErrorAroseInTheFiledWork() {
    String prefilingNo = registerPrefiling("unit-commerce", "OTHER", today().minusDays(30), today().minusDays(20));
    ProcessInstance confirmed = cases.report(cases.reportWith("workCategory", "OTHER", "prefilingNo", prefilingNo));
    ProcessInstance elsewhere = cases.report(cases.reportWith("workCategory", "OTHER", "prefilingNo", prefilingNo));

    assertThat(confirmed).variables().containsEntry("prefiled", true).containsEntry("circumstance", "OTHER")
        .containsEntry("prefilingPlanTitle", "试点方案").containsEntry("prefilingRegisteredOn", today().minusDays(30).toString())
        .containsEntry("prefilingPlannedStart", today().minusDays(20).toString());
    for (ProcessInstance instance : List.of(confirmed, elsewhere)) {
      cases.acknowledgeReport(instance);
      cases.correct(instance, today());
    }
    assertRefusedNaming("errorInFiledWork", () -> complete(task(confirmed), CaseDriver.cleanFindings()));
    complete(task(confirmed), CaseDriver.findingsWith("errorInFiledWork", "true"));
    assertRefusedNaming("filedWorkReason", () -> complete(task(elsewhere), CaseDriver.findingsWith("errorInFiledWork", "false")));
    Map<String, Object> notFiledWork = CaseDriver.findingsWith("errorInFiledWork", "false");
    notFiledWork.put("filedWorkReason", "出现偏差的是备案方案以外的配套工程。");
    complete(task(elsewhere), notFiledWork);

    assertThat(confirmed).variables().containsEntry("prefiled", true).containsEntry("recommendation", "TOLERATE");
    assertThat((String) runtimeService.getVariable(confirmed.getId(), "recommendationBasis")).contains("事前备案");
    assertThat(elsewhere).variables().containsEntry("prefiled", false).containsEntry("recommendation", "MITIGATE");
    assertThat((String) runtimeService.getVariable(elsewhere.getId(), "prefilingNote"))
        .contains("不是发生在所备案的工作中", "配套工程");
  }

  @Test
  void preFilingThatDoesNotQualifyIsNotedButNoErrorAndDecidesNothing() {
    LocalDate discovered = today().minusDays(2);
    Map<String, String> notes = Map.of(
        registerPrefiling("unit-commerce", "KEY_REFORM", today().minusDays(30), today().minusDays(20)), "与本案的乡村振兴工作不同",
        registerPrefiling("unit-commerce", "RURAL_REVITALIZATION", today().minusDays(1), today().minusDays(1)), "晚于错情发现日期",
        registerPrefiling("unit-commerce", "RURAL_REVITALIZATION", today().minusDays(30), discovered.plusDays(1)), "计划于",
        registerPrefiling("unit-commerce", "RURAL_REVITALIZATION", today().minusDays(10), today().minusDays(20)), "登记时已在实施");

    notes.forEach((number, note) -> {
      ProcessInstance instance = cases.report(cases.reportWith("prefilingNo", number));
      assertThat(instance).variables().containsEntry("prefiled", false);
      assertThat((String) runtimeService.getVariable(instance.getId(), "prefilingNote")).as(number).contains(note);
    });
  }

  @Test
  void aCaseNamesOnlyARegisteredFilingOfItsOwnUnit() {
    long instances = runtimeService.createProcessInstanceQuery().count();
    String anotherUnits = registerPrefiling("unit-tengxian-agri", "RURAL_REVITALIZATION", today().minusDays(30), today().minusDays(20));

    for (String number : List.of("WZBA-1999-9999", anotherUnits)) {
      assertRefusedNaming("prefilingNo", () -> cases.report(cases.reportWith("prefilingNo", number)));
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void theDateTheCommissionReceivedTheReportDecidesWhetherItWasTimelyInWorkingDays() {
    // Monday 2 November 2026; the unit says it reported the same day
    ProcessInstance reportedLate = cases.report(cases.reportWith("discoveredOn", "2026-11-02", "reportedOn", "2026-11-02"));
    ProcessInstance forwardedAtOnce = cases.report(cases.reportWith("discoveredOn", "2026-11-02", "reportedOn", "2026-11-05"));
    assertThat(reportedLate).variables().containsEntry("reportReceivedOn", "2026-11-02").doesNotContainKey("reportedTimely");

    assertRefusedNaming("reportReceivedOn", () -> complete(task("acknowledgeByDisciplineInspection", reportedLate),
        withVariables("disciplineAcknowledged", true, "reportReceivedOn", "2026-11-01")));
    complete(task("acknowledgeByDisciplineInspection", reportedLate), withVariables(
        "disciplineAcknowledged", true, "reportReceivedOn", "2026-11-06"));
    complete(task("acknowledgeByDisciplineInspection", forwardedAtOnce), withVariables(
        "disciplineAcknowledged", true, "reportReceivedOn", "2026-11-03"));

    assertThat(reportedLate).variables().containsEntry("reportedTimely", false).containsEntry("reportingDelayWorkingDays", 4L);
    assertThat(forwardedAtOnce).variables().containsEntry("reportedTimely", true).containsEntry("reportingDelayWorkingDays", 1L);
  }

  @Test
  void anOverdueCorrectionIsSupervisedEveryFifteenDaysUntilVerifiedAndThenMitigated() {
    ProcessInstance instance = cases.report(cases.validReport());
    cases.acknowledgeReport(instance);
    LocalDate deadline = today().plusDays(30);
    assertThat(instance).variables().containsEntry("correctionDeadline", deadline.toString());

    moveClockTo(deadline.plusDays(1));
    execute(supervisionTimer(instance));
    assertThat(task("superviseCorrection", instance)).hasCandidateGroup("superior-party-committee");
    complete(task("superviseCorrection", instance), withVariables("supervisionNote", "请于一周内完成整改。"));
    Job next = supervisionTimer(instance);
    assertThat(next.getDuedate()).isEqualTo(Date.from(deadline.plusDays(16).atStartOfDay(ZONE).toInstant()));
    moveClockTo(deadline.plusDays(16));
    execute(next);
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("superviseCorrection").count()).isEqualTo(1);

    cases.correct(instance, today());
    assertThat(instance).variables().containsEntry("correctedTimely", false);
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("superviseCorrection").count()).as("supervision ends with the correction").isZero();
    complete(task(instance), CaseDriver.cleanFindings());
    assertThat(instance).variables().containsEntry("recommendation", "MITIGATE");

    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    cases.serveDecision(instance);
    assertThat(instance).isWaitingAt("applyLighterHandling").task().hasCandidateGroup("accountability-office");
    complete(task(instance), withVariables("handlingMeasures", "诫勉谈话，免予党纪处分。"));

    assertThat(instance).isEnded().hasPassed("correctionSupervised", "caseMitigated");
  }

  @Test
  void aCorrectionStillNotVerifiedSixtyDaysAfterTheDeadlineClosesAndTheCaseGoesOnToReview() {
    ProcessInstance instance = cases.report(cases.validReport());
    cases.acknowledgeReport(instance);
    complete(task("submitCorrectionPlan", instance), withVariables("correctionPlan", "重新论证选址"));
    LocalDate deadline = today().plusDays(30);

    moveClockTo(deadline.plusDays(61));
    Job closing = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId("correctionExpired").singleResult();
    assertThat(closing.getDuedate()).isEqualTo(Date.from(deadline.plusDays(61).atStartOfDay(ZONE).toInstant()));
    execute(closing);

    assertThat(instance).isWaitingAt("reviewCase").variables().containsEntry("correctedTimely", false);
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    complete(task(instance), CaseDriver.cleanFindings());
    // reported in time, but a correction never completed and verified grounds no 减轻处理
    assertThat(instance).variables().containsEntry("correctionVerified", false).containsEntry("recommendation", "NOT_TOLERATE");
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    assertThat(decisions.findByProcessInstance(instance.getId()).orElseThrow().basis())
        .contains("届满 60 日仍未核实整改到位，按未及时纠错处理");
  }

  @Test
  void theCompletionDateTheCommissionVerifiedDecidesTimelinessAndARejectionVoidsTheDates() {
    ProcessInstance instance = cases.report(cases.reportWith(
        "discoveredOn", today().minusDays(41).toString(), "reportedOn", today().minusDays(40).toString()));
    complete(task("submitCorrectionPlan", instance), withVariables("correctionPlan", "重新论证选址"));
    complete(task("reportCorrectionCompleted", instance),
        withVariables("correctionCompletedOn", today().minusDays(11).toString(), "correctionReport", "已完成"));
    assertThat(instance).variables().containsEntry("correctionVerifiedOn", today().minusDays(11).toString());

    assertRefusedNaming("verificationComment",
        () -> complete(task("verifyCorrection", instance), withVariables("correctionVerified", "false")));
    complete(task("verifyCorrection", instance),
        withVariables("correctionVerified", "false", "verificationComment", "缺少项目复工证明"));
    assertThat(instance).isWaitingAt("reportCorrectionCompleted", "acknowledgeBySuperiorCommittee",
        "acknowledgeByDisciplineInspection").variables().doesNotContainKeys("correctionCompletedOn", "correctionVerifiedOn");
    assertThat(task("reportCorrectionCompleted", instance)).hasCandidateGroup("unit-commerce");

    complete(task("reportCorrectionCompleted", instance),
        withVariables("correctionCompletedOn", today().minusDays(11).toString(), "correctionReport", "已补充复工证明"));
    assertRefusedNaming("correctionVerifiedOn", () -> complete(task("verifyCorrection", instance),
        withVariables("correctionVerified", "true", "correctionVerifiedOn", today().plusDays(1).toString())));
    complete(task("verifyCorrection", instance),
        withVariables("correctionVerified", "true", "correctionVerifiedOn", today().toString()));

    assertThat(instance).variables().containsEntry("correctedTimely", false);
  }

  private List<Object> valuesInHistory(ProcessInstance instance, String name) {
    return historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
        .orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast).filter(update -> update.getVariableName().equals(name))
        .map(HistoricVariableUpdate::getValue).toList();
  }

  @Test
  void theOfficeCorrectsTheWorkCategoryWithAReasonAndTheRulesAndRecordFollowIt() {
    ProcessInstance instance = cases.report(cases.reportWith("workCategory", "OTHER"));
    cases.acknowledgeReport(instance);
    cases.correct(instance, today());
    Map<String, Object> findings = CaseDriver.findingsWith("workCategory", "BUSINESS_ENVIRONMENT");
    findings.put("officialCategory", "PARTY_GOV_ORGAN");
    findings.put("errorType", "DEVIATION");

    assertRefusedNaming("reclassificationReason", () -> complete(task(instance), findings));
    findings.put("reclassificationReason", "项目属于营商环境改革事项");
    complete(task(instance), findings);

    assertThat(instance).variables().containsEntry("circumstance", "KEY_AREA").containsEntry("recommendation", "TOLERATE")
        .containsEntry("reportedWorkCategory", "OTHER");
    assertThat(valuesInHistory(instance, "circumstance")).as("the reassessment's change").containsExactly("OTHER", "KEY_AREA");
    assertThat(valuesInHistory(instance, "eligible")).as("worked out again unchanged: no new row").containsExactly(true);
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    var decision = decisions.findByProcessInstance(instance.getId()).orElseThrow();
    assertThat(decision.workCategory()).isEqualTo("BUSINESS_ENVIRONMENT");
    assertThat(decision.reclassification()).contains("工作类别由“其他”更正为“优化营商环境”", "项目属于营商环境改革事项");
    assertThat(decision.basis()).contains("工作类别由“其他”更正为“优化营商环境”");
  }

  @Test
  void anOfficialFoundOutOfScopeOnReviewEndsTheCaseAsNotApplicable() {
    ProcessInstance instance = cases.readyForReview();
    Map<String, Object> findings = CaseDriver.findingsWith("officialCategory", "OTHER");
    findings.put("reclassificationReason", "当事人系临时聘用的社会人员");

    complete(task(instance), findings);

    assertThat(instance).isEnded().hasPassed("caseFoundNotApplicable").variables()
        .containsEntry("determination", "NOT_APPLICABLE");
    assertThat(decisions.findByProcessInstance(instance.getId())).isEmpty();
  }

  @Test
  void aProceduralDeviationOverNonCoreDocumentsInServiceWorkIsToleratedAsPreApprovalWithLaterDocuments() {
    ProcessInstance instance = cases.report(cases.reportWith("workCategory", "INVESTMENT_ATTRACTION", "errorType", "PROCEDURAL"));
    cases.acknowledgeReport(instance);
    cases.correct(instance, today());

    assertRefusedNaming("nonCoreDocumentsOnly",
        () -> complete(task(instance), CaseDriver.findingsWith("followedDecisionProcedure", "false")));
    Map<String, Object> findings = CaseDriver.findingsWith("followedDecisionProcedure", "false");
    findings.put("nonCoreDocumentsOnly", "true");
    complete(task(instance), findings);

    assertThat(instance).variables().containsEntry("recommendation", "TOLERATE").containsEntry("nonCoreDocumentsOnly", true);
    assertThat((String) runtimeService.getVariable(instance.getId(), "recommendationBasis")).contains("先批后补");
  }

  @Test
  void aProceduralDeviationInGovernmentServiceIsPreApprovalButOnCoreDocumentsOnlyMitigated() {
    ProcessInstance nonCore = cases.report(cases.reportWith("workCategory", "GOVERNMENT_SERVICE", "errorType", "PROCEDURAL"));
    ProcessInstance core = cases.report(cases.reportWith("workCategory", "GOVERNMENT_SERVICE", "errorType", "PROCEDURAL"));
    for (ProcessInstance instance : List.of(nonCore, core)) {
      assertThat(instance).variables().containsEntry("circumstance", "SERVICE_INNOVATION");
      cases.acknowledgeReport(instance);
      cases.correct(instance, today());
    }

    complete(task(nonCore), CaseDriver.findingsWith("nonCoreDocumentsOnly", "true"));
    complete(task(core), CaseDriver.findingsWith("nonCoreDocumentsOnly", "false"));

    assertThat(nonCore).variables().containsEntry("recommendation", "TOLERATE");
    assertThat((String) runtimeService.getVariable(nonCore.getId(), "recommendationBasis")).contains("先批后补");
    assertThat(core).variables().containsEntry("recommendation", "MITIGATE");
  }

  @Test
  void theReviewShowsTheOfficialsEarlierDecisionsAndTheBasisSaysWhetherThereWereAny() {
    ProcessInstance first = cases.readyForReview();
    String officialId = (String) runtimeService.getVariable(first.getId(), "officialId");
    assertThat(first).variables().containsEntry("officialRecord", "当事人此前无容错纠错认定决定");
    complete(task(first), CaseDriver.findingsWith("personalGain", "true"));
    complete(task(first));
    complete(task(first), withVariables("approved", "true"));
    execute(job(first));
    var earlier = decisions.findByProcessInstance(first.getId()).orElseThrow();
    assertThat(earlier.basis()).contains("当事人此前无容错纠错认定决定");

    ProcessInstance second = cases.report(cases.reportWith("officialId", officialId));
    cases.acknowledgeReport(second);
    cases.correct(second, today());

    assertThat((String) runtimeService.getVariable(second.getId(), "officialRecord"))
        .isEqualTo("当事人此前的容错纠错认定决定：" + earlier.decisionNo() + "（" + earlier.decidedOn() + "）不予容错");
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
    cases.serveDecision(instance);
    assertThat(instance).isWaitingAt("handOverToAccountability");
    complete(task(instance), withVariables("handoverNote", "移交市纪委监委第三审查调查室"));

    assertThat(instance).isEnded().hasPassed("caseNotTolerated");
    assertThat(decisions.findByProcessInstance(instance.getId()).orElseThrow().determination())
        .isEqualTo("NOT_TOLERATE");
  }

  @Test
  void anAdverseFindingBindsTheProposalAndOnlyTheOfficesNewReviewWithAReasonCorrectsIt() {
    ProcessInstance instance = cases.readyForReview();
    complete(task(instance), CaseDriver.findingsWith("personalGain", "true"));

    var refusal = assertRefusedNaming("proposedDetermination", () -> complete(task(instance),
        withVariables("proposedDetermination", "TOLERATE", "deviationReason", "金额较小")));
    assertThat(refusal.getMessage()).contains("谋取私利", "不予容错").doesNotContainPattern("[A-Za-z]");
    assertThat(instance).isWaitingAt("proposeDetermination").variables()
        .containsEntry("proposedDetermination", "NOT_TOLERATE").doesNotContainKey("determination");

    complete(task(instance), withVariables("reviewAgain", true));
    assertThat(instance).isWaitingAt("reviewCase");
    assertRefusedNaming("findingsCorrectionReason", () -> complete(task(instance), CaseDriver.cleanFindings()));
    Map<String, Object> corrected = CaseDriver.cleanFindings();
    corrected.put("findingsCorrectionReason", "经补充核查，所涉款项已全额用于项目，当事人未从中获利。");
    complete(task(instance), corrected);

    assertThat(instance).isWaitingAt("proposeDetermination").variables().containsEntry("recommendation", "TOLERATE");
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    assertThat(decisions.findByProcessInstance(instance.getId()).orElseThrow().basis())
        .contains("重新核查认定，是否谋取私利由“是”更正为“否”，理由：经补充核查，所涉款项已全额用于项目，当事人未从中获利");
  }

  @Test
  void notActingInThePublicInterestAdmitsNoApprovalOtherThanNotTolerated() {
    ProcessInstance instance = cases.readyForReview();
    complete(task(instance), CaseDriver.findingsWith("actedInPublicInterest", "false"));
    complete(task(instance));
    // a proposal made before the findings bound it, still waiting for approval
    runtimeService.setVariable(instance.getId(), "proposedDetermination", "MITIGATE");

    var refusal = assertRefusedNaming("approved", () -> complete(task(instance), withVariables("approved", "true")));
    assertThat(refusal.getMessage()).contains("不是出于公心、担当尽责");
    assertThat(instance).isWaitingAt("approveDetermination").variables().doesNotContainKey("determination");
    complete(task(instance), withVariables("approved", "false", "approvalComment", "核查认定不是出于公心，只能不予容错"));
    complete(task(instance), withVariables("proposedDetermination", "NOT_TOLERATE"));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));

    assertThat(instance).isWaitingAt("handOverToAccountability");
  }

  @Test
  void theRegistryRecordsNoDecisionThatAnAdverseFindingRulesOut() {
    ProcessInstance instance = cases.readyForReview();
    complete(task(instance), CaseDriver.findingsWith("subjectiveIntent", "true"));
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    runtimeService.setVariable(instance.getId(), "determination", "TOLERATE"); // however it got there

    assertThatThrownBy(() -> managementService.executeJob(job(instance).getId())).hasMessageContaining("存在主观故意");
    assertThat(decisions.findByProcessInstance(instance.getId())).isEmpty();
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

    assertThat(instance).isWaitingAt("confirmOfficialRoles");
    assertThat(decisions.findByProcessInstance(instance.getId())).isPresent();
  }

  @Test
  void theOrganizationDepartmentCorrectsTheRolesWithAReasonAndTheNoticesFollow() {
    ProcessInstance instance = tolerated(cases.reportWith("officialRoles", "NPC_DEPUTY"));
    String taskId = task("confirmOfficialRoles", instance).getId();

    assertRefusedNaming("rolesCorrectionReason", () -> engine.getTaskService().complete(taskId,
        Map.of("officialRoles", "CPPCC_MEMBER,RESERVE_CADRE")));
    assertThat(instance).isWaitingAt("confirmOfficialRoles").variables().containsEntry("officialRoles", "NPC_DEPUTY");
    engine.getTaskService().complete(taskId, Map.of("officialRoles", "RESERVE_CADRE,CPPCC_MEMBER",
        "rolesCorrectionReason", "经查干部档案，当事人系市政协委员，非人大代表"));
    execute(job(instance));

    assertThat(instance).variables().containsEntry("officialRoles", "CPPCC_MEMBER,RESERVE_CADRE")
        .containsEntry("officialRolesReported", "NPC_DEPUTY")
        .containsEntry("rolesCorrection", "组织部门将当事人身份由“人大代表”更正为“政协委员、后备干部”，理由：经查干部档案，当事人系市政协委员，非人大代表");
    String decisionNo = (String) runtimeService.getVariable(instance.getId(), "decisionNo");
    assertThat(protections.ofDecision(decisionNo)).extracting(ProtectionNotice::matter)
        .contains("CPPCC_MEMBER", "RESERVE_CADRE").doesNotContain("NPC_DEPUTY");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("acknowledgeProtection").list())
        .extracting(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("organization-dept", "hr-social-security", "discipline-inspection", "cppcc-committee");
  }

  @Test
  void rolesConfirmedAsReportedNeedNoReason() {
    ProcessInstance instance = tolerated(cases.reportWith("officialRoles", "NPC_DEPUTY"));

    complete(task("confirmOfficialRoles", instance), withVariables("officialRoles", "NPC_DEPUTY"));
    execute(job(instance));

    assertThat(instance).variables().doesNotContainKeys("rolesCorrection", "officialRolesReported");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskCandidateGroup("npc-standing-committee").count()).isEqualTo(1);
  }

  /** The reported case, acknowledged, corrected, reviewed clean, proposed, approved and recorded: 容错免责. */
  private ProcessInstance tolerated(Map<String, Object> report) {
    ProcessInstance instance = cases.report(report);
    cases.acknowledgeReport(instance);
    cases.correct(instance, today());
    complete(task("reviewCase", instance), CaseDriver.cleanFindings());
    complete(task("proposeDetermination", instance));
    complete(task("approveDetermination", instance), withVariables("approved", "true"));
    execute(job(instance));
    return instance;
  }

  private LocalDate today() {
    return today.date();
  }

  private void acknowledgeProtection(ProcessInstance instance, String group, String user) {
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("acknowledgeProtection").taskCandidateGroup(group).singleResult().getId();
    engine.getTaskService().claim(taskId, user);
    identityService.setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().complete(taskId, Map.of("protectionAcknowledged", true));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String registerPrefiling(String unitGroup, String workCategory, LocalDate registeredOn, LocalDate plannedStart) {
    return prefilings.register(new PrefilingRecord(null, "test-" + System.nanoTime(), unitGroup, "某单位", "试点方案",
        "摘要", workCategory, "EXPLORATORY", "评估", plannedStart, "discipline-inspection", registeredOn, "jiwei", null));
  }

  private Job supervisionTimer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId("correctionOverdue").singleResult();
  }

  private void moveClockTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZONE).toInstant()));
  }

  private org.camunda.bpm.engine.TaskService taskService() {
    return engine.getTaskService();
  }
}
