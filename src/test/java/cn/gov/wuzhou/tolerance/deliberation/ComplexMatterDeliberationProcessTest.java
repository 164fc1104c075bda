package cn.gov.wuzhou.tolerance.deliberation;

import static cn.gov.wuzhou.tolerance.support.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The 一事一议 deliberation, and the complex path of {@code toleranceCase} that calls it (M7). */
@ProcessTest
class ComplexMatterDeliberationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DecisionRegistry decisions;
  @Autowired Today today;
  CaseDriver cases;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    cases = new CaseDriver(engine, today);
  }

  @Test
  void committeeDecisionStandsEvenWhereItDiffersFromTheRules() {
    ProcessInstance caseInstance = cases.reviewedAsComplex();
    assertThat(caseInstance).isWaitingAt("deliberateComplexMatter").variables()
        .containsEntry("recommendation", "TOLERATE").containsEntry("complexMatter", true);
    ProcessInstance deliberation = calledProcessInstance("complexMatterDeliberation", caseInstance);

    assertThat(deliberation).isWaitingAt("conveneDeliberation").task().hasCandidateGroup("accountability-office");
    complete(task(deliberation), withVariables("deliberationTopic", "项目延期是否予以容错", "meetingDate", "2026-12-05"));

    assertThat(taskQuery().processInstanceId(deliberation.getId()).taskDefinitionKey("giveOpinion").list())
        .extracting(t -> taskService.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("discipline-inspection", "organization-dept", "hr-social-security",
            "staffing-office", "justice-bureau");
    giveOpinion(deliberation, "discipline-inspection", "TOLERATE", "程序完备，无违纪");
    giveOpinion(deliberation, "organization-dept", "TOLERATE", "不影响干部使用");
    giveOpinion(deliberation, "hr-social-security", "MITIGATE", "造成群众损失");
    giveOpinion(deliberation, "staffing-office", "TOLERATE", "无意见");
    giveOpinion(deliberation, "justice-bureau", "MITIGATE", "合同履行有瑕疵");

    assertThat(deliberation).isWaitingAt("consolidateJointOpinion");
    String summary = (String) runtimeService.getVariable(deliberation.getId(), "opinionsSummary");
    assertThat(summary).contains("市纪委监委：容错免责", "市人力资源和社会保障局：减轻处理", "合同履行有瑕疵");
    complete(task(deliberation), withVariables("jointRecommendation", "MITIGATE", "jointOpinion", "多数意见从轻"));
    assertThat(deliberation).isWaitingAt("decideByCommittee").task().hasCandidateGroup("municipal-party-committee");
    complete(task(deliberation), withVariables("committeeDecision", "MITIGATE", "committeeComment", "影响群众增收，从轻处理"));

    assertThat(deliberation).isEnded().hasPassed("deliberationDecided");
    execute(job(caseInstance));
    assertThat(caseInstance).isWaitingAt("applyLighterHandling").variables()
        .containsEntry("determination", "MITIGATE").containsEntry("recommendation", "TOLERATE");
    var decision = decisions.findByProcessInstance(caseInstance.getId()).orElseThrow();
    assertThat(decision.determination()).isEqualTo("MITIGATE");
    assertThat(decision.complexMatter()).isTrue();
    assertThat(decision.basis()).contains("多数意见从轻", "影响群众增收，从轻处理").doesNotContain("。；").endsWith("。");
  }

  @Test
  void aTengxianComplexMatterIsConvenedAskedAndDecidedByTengxiansBodiesOnly() {
    ProcessInstance caseInstance = cases.reviewedAsComplex("tengxian-clerk", "unit-tengxian-agri");
    ProcessInstance deliberation = calledProcessInstance("complexMatterDeliberation", caseInstance);

    assertThat(deliberation).isWaitingAt("conveneDeliberation").task()
        .hasCandidateGroup("tengxian-accountability-office");
    complete(task(deliberation), withVariables("deliberationTopic", "产业项目延期", "meetingDate", "2026-12-05",
        "additionalAgencies", "npc-standing-committee"));
    assertThat(opinionGroups(deliberation)).containsExactlyInAnyOrder("tengxian-discipline-inspection",
        "tengxian-organization-dept", "tengxian-hr-social-security", "tengxian-staffing-office",
        "tengxian-justice-bureau", "tengxian-npc-standing-committee");
    opinionGroups(deliberation).forEach(group -> giveOpinion(deliberation, group, "TOLERATE", "同意容错"));
    assertThat((String) runtimeService.getVariable(deliberation.getId(), "opinionsSummary"))
        .contains("藤县纪委监委：容错免责", "藤县人力资源和社会保障局", "藤县县委编办", "藤县司法局", "藤县人大常委会");
    assertThat(deliberation).task().hasCandidateGroup("tengxian-accountability-office");
    complete(task(deliberation), withVariables("jointRecommendation", "TOLERATE", "jointOpinion", "一致同意容错"));
    assertThat(deliberation).isWaitingAt("decideByCommittee").task().hasCandidateGroup("tengxian-party-committee");
    complete(task(deliberation), withVariables("committeeDecision", "TOLERATE", "committeeComment", "予以容错"));

    execute(job(caseInstance));
    assertThat(decisions.findByProcessInstance(caseInstance.getId()).orElseThrow().basis()).contains("藤县县委决定容错免责");
    assertThat(historyCandidateGroups(deliberation)).allMatch(group -> group.startsWith("tengxian-"));
  }

  @Test
  void theFinanceBureauGivesItsOpinionWhenTheOfficeAsksIt() {
    ProcessInstance deliberation = calledProcessInstance("complexMatterDeliberation", cases.reviewedAsComplex());
    Task convene = task(deliberation);

    assertRefusedNaming("additionalAgencies", () -> taskService.complete(convene.getId(), Map.of("deliberationTopic",
        "议题", "meetingDate", "2026-12-05", "additionalAgencies", "finance-bureau,tengxian-finance-bureau")));
    assertThat(deliberation).isWaitingAt("conveneDeliberation");
    complete(convene, withVariables("deliberationTopic", "专项资金拨付是否予以容错", "meetingDate", "2026-12-05",
        "additionalAgencies", "finance-bureau"));

    assertThat(opinionGroups(deliberation)).contains("finance-bureau").hasSize(6);
    opinionGroups(deliberation).stream().filter(group -> !group.equals("finance-bureau"))
        .forEach(group -> giveOpinion(deliberation, group, "TOLERATE", "同意"));
    giveOpinion(deliberation, "finance-bureau", "MITIGATE", "资金已追回，建议减轻处理");
    assertThat((String) runtimeService.getVariable(deliberation.getId(), "opinionsSummary"))
        .contains("市财政局：减轻处理。资金已追回，建议减轻处理");
  }

  @Test
  void theCommitteeCannotTolerateWhatTheOfficeFoundDoneForPersonalGain() {
    ProcessInstance caseInstance = cases.readyForReview();
    Map<String, Object> findings = CaseDriver.findingsWith("wideImpact", "true");
    findings.put("personalGain", "true");
    complete(task(caseInstance), findings);
    ProcessInstance deliberation = convened(caseInstance);
    for (String group : new String[] {"discipline-inspection", "organization-dept", "hr-social-security",
        "staffing-office", "justice-bureau"}) {
      giveOpinion(deliberation, group, "NOT_TOLERATE", "谋取私利");
    }
    complete(task(deliberation), withVariables("jointRecommendation", "NOT_TOLERATE", "jointOpinion", "不予容错"));

    var refusal = assertRefusedNaming("committeeDecision", () -> complete(task(deliberation),
        withVariables("committeeDecision", "TOLERATE", "committeeComment", "酌定容错")));
    assertThat(refusal.getMessage()).contains("谋取私利");
    assertThat(deliberation).isWaitingAt("decideByCommittee").variables().doesNotContainKey("committeeDecision");
    complete(task(deliberation), withVariables("committeeDecision", "NOT_TOLERATE", "committeeComment", "谋取私利"));
    assertThat(deliberation).isEnded();
  }

  @Test
  void onlyTheCaseFactsPassIntoTheDeliberation() {
    ProcessInstance caseInstance = cases.reviewedAsComplex();
    ProcessInstance deliberation = calledProcessInstance("complexMatterDeliberation", caseInstance);

    assertThat(deliberation).variables().containsKeys("officialName", "recommendation", "caseInstanceId")
        .doesNotContainKeys("correctionPlan", "reportedBy", "superiorAcknowledged");
    assertThat(runtimeService.getVariable(deliberation.getId(), "caseInstanceId")).isEqualTo(caseInstance.getId());
  }

  @Test
  void anOpinionNeedsAnOutcomeAndReasons() {
    ProcessInstance deliberation = convened(cases.reviewedAsComplex());
    Task opinion = opinionTaskOf(deliberation, "justice-bureau");

    assertThatThrownBy(() -> taskService.complete(opinion.getId(), Map.of("opinion", "NOT_APPLICABLE",
        "opinionComment", "x"))).hasRootCauseInstanceOf(InvalidFieldException.class);
    assertRefusedNaming("opinionComment", () -> taskService.complete(opinion.getId(), Map.of("opinion", "TOLERATE")));
  }

  @Test
  void anOverdueOpinionIsRemindedWithHighPriority() {
    ProcessInstance deliberation = convened(cases.reviewedAsComplex());
    Task opinion = opinionTaskOf(deliberation, "staffing-office");

    execute(managementService.createJobQuery().executionId(opinion.getExecutionId()).timers().singleResult());

    assertThat(taskService.createTaskQuery().taskId(opinion.getId()).singleResult().getPriority()).isEqualTo(90);
    assertThat(taskService.getTaskComments(opinion.getId())).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).contains("催办"));
    assertThat(taskService.createTaskQuery().processInstanceId(deliberation.getId()).taskPriority(90).count())
        .isEqualTo(1);
  }

  private List<String> opinionGroups(ProcessInstance deliberation) {
    return taskQuery().processInstanceId(deliberation.getId()).taskDefinitionKey("giveOpinion").list().stream()
        .map(t -> taskService.getIdentityLinksForTask(t.getId()).get(0).getGroupId()).toList();
  }

  private List<String> historyCandidateGroups(ProcessInstance deliberation) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(deliberation.getId()).list()
        .stream().flatMap(t -> engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(t.getId()).list()
            .stream()).map(link -> link.getGroupId()).filter(java.util.Objects::nonNull).distinct().toList();
  }

  private ProcessInstance convened(ProcessInstance caseInstance) {
    ProcessInstance deliberation = calledProcessInstance("complexMatterDeliberation", caseInstance);
    complete(task(deliberation), withVariables("deliberationTopic", "议题", "meetingDate", "2026-12-05"));
    return deliberation;
  }

  private Task opinionTaskOf(ProcessInstance deliberation, String group) {
    return taskService.createTaskQuery().processInstanceId(deliberation.getId()).taskCandidateGroup(group)
        .singleResult();
  }

  private void giveOpinion(ProcessInstance deliberation, String group, String opinion, String comment) {
    taskService.complete(opinionTaskOf(deliberation, group).getId(),
        Map.of("opinion", opinion, "opinionComment", comment));
  }
}
