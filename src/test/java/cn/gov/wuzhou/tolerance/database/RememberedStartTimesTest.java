package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.prefiling.Plans;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Cockpit shows of a finished step, whether its start was remembered on this node or read back: the step's
 * and its task's start as written and their duration to the millisecond.
 */
@ProcessTest
class RememberedStartTimesTest {

  static final long WAITED = 90_123;

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired RememberedStartTimes startTimes;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aStepStartedOnThisNodeHasItsStartAndDuration() {
    assertReviewTakes(WAITED, false);
  }

  @Test
  void aStepStartedBeforeARestartHasItsStartAndDurationToo() {
    assertReviewTakes(WAITED, true);
  }

  private void assertReviewTakes(long waited, boolean restartedMeanwhile) {
    Date started = new Date(System.currentTimeMillis() / 1000 * 1000 + 456);
    ClockUtil.setCurrentTime(started);
    ProcessInstance instance = Plans.filedByCommerceClerk(engine);
    if (restartedMeanwhile) {
      startTimes.forget();
    }
    ClockUtil.setCurrentTime(new Date(started.getTime() + waited));
    complete(task(instance), withVariables("prefilingDecision", "RETURNED", "reviewComment", "请补充风险评估"));

    HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("reviewPrefiling").singleResult();
    assertThat(task.getStartTime()).isEqualTo(started);
    assertThat(task.getDurationInMillis()).isEqualTo(waited);
    HistoricActivityInstance step = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).activityId("reviewPrefiling").singleResult();
    assertThat(step.getStartTime()).isEqualTo(started);
    assertThat(step.getDurationInMillis()).isEqualTo(waited);
  }

}
