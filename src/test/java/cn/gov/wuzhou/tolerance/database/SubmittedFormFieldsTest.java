package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.gov.wuzhou.tolerance.prefiling.Plans;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the history keeps of a submitted form: each field once, as the update of the variable it sets, with its
 * value, the step it was submitted in and the user operation naming who submitted it.
 */
@ProcessTest
class SubmittedFormFieldsTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void eachSubmittedFieldIsInTheHistoryOnceWithItsStepAndWhoSubmittedIt() {
    ProcessInstance instance = Plans.filedByCommerceClerk(engine);
    identityService.setAuthentication("jiwei", List.of("discipline-inspection"));
    Task review = task(instance);
    taskService.claim(review.getId(), "jiwei");

    formService.submitTaskForm(review.getId(), Map.of("prefilingDecision", "RETURNED", "reviewComment", "请补充风险评估"));

    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).formFields().count())
        .as("no second row per field").isZero();
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult();
    List<HistoricVariableUpdate> written = historyService.createHistoricDetailQuery()
        .processInstanceId(instance.getId()).variableUpdates().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> done.getActivityInstanceId().equals(update.getActivityInstanceId())).toList();
    assertThat(written).extracting(HistoricVariableUpdate::getVariableName, HistoricVariableUpdate::getValue)
        .contains(tuple("prefilingDecision", "RETURNED"), tuple("reviewComment", "请补充风险评估"));
    assertThat(written).filteredOn(update -> update.getVariableName().equals("reviewComment")).singleElement()
        .satisfies(update -> {
          UserOperationLogEntry submitted = historyService.createUserOperationLogQuery()
              .operationId(update.getUserOperationId()).list().get(0);
          assertThat(submitted.getUserId()).isEqualTo("jiwei");
          assertThat(submitted.getTaskId()).isEqualTo(review.getId());
          assertThat(submitted.getOperationType()).isEqualTo(UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
        });
  }
}
