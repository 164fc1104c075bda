package cn.gov.wuzhou.tolerance.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A county configured to have its complex matters decided by the 市委 ({@code deciding-committee} left blank): 藤县's
 * own bodies convene and give their opinions, the 市委 decides.
 */
@ProcessTest
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=shiweiDecides",
    "tolerance.jurisdiction.counties.tengxian.deciding-committee="})
class CountyMatterDecidedByShiweiProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired DecisionRegistry decisions;
  @Autowired Today today;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void theShiweiDecidesATengxianMatterAfterTengxiansOwnDeliberation() {
    ProcessInstance caseInstance = new CaseDriver(engine, today).reviewedAsComplex("tengxian-clerk", "unit-tengxian-agri");
    ProcessInstance deliberation = calledProcessInstance("complexMatterDeliberation", caseInstance);

    assertThat(deliberation).task().hasCandidateGroup("tengxian-accountability-office");
    complete(task(deliberation), withVariables("deliberationTopic", "产业项目延期", "meetingDate", "2026-12-05"));
    taskQuery().processInstanceId(deliberation.getId()).taskDefinitionKey("giveOpinion").list().forEach(opinion -> {
      assertThat(taskService.getIdentityLinksForTask(opinion.getId()).get(0).getGroupId()).startsWith("tengxian-");
      taskService.complete(opinion.getId(), Map.of("opinion", "TOLERATE", "opinionComment", "同意"));
    });
    complete(task(deliberation), withVariables("jointRecommendation", "TOLERATE", "jointOpinion", "一致同意容错"));

    assertThat(deliberation).isWaitingAt("decideByCommittee").task().hasCandidateGroup("municipal-party-committee");
    complete(task(deliberation), withVariables("committeeDecision", "TOLERATE", "committeeComment", "予以容错"));
    execute(job(caseInstance));
    assertThat(decisions.findByProcessInstance(caseInstance.getId()).orElseThrow().basis()).contains("市委决定容错免责");
  }
}
