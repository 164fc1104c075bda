package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry.Department;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Service tasks after the two acknowledgement tasks of M6: record in the registry who in the
 * department took note of the notices. The BPMN names the department ({@code department}) and the
 * task it acknowledged in ({@code acknowledgedIn}) as input parameters.
 */
@Component("recordProtectionAcknowledgement")
public class RecordProtectionAcknowledgement implements JavaDelegate {

  private final ProtectionRegistry registry;
  private final HistoryService historyService;
  private final Today today;

  public RecordProtectionAcknowledgement(ProtectionRegistry registry, HistoryService historyService, Today today) {
    this.registry = registry;
    this.historyService = historyService;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey((String) execution.getVariableLocal("acknowledgedIn"))
        .finished()
        .singleResult();
    registry.acknowledge(
        text(execution, "decisionNo"),
        Department.valueOf((String) execution.getVariableLocal("department")),
        task.getAssignee(),
        today.date());
  }
}
