package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Department;
import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code acknowledgeProtection} (M6): the body confirms it took note, and the registry records who
 * in it did so, for the matters it handles, in the same transaction as the completion.
 *
 * <p>Cases still running on the first version of the process call it as a service task after each of their two
 * acknowledgement tasks, naming the department and the task as input parameters.
 */
@Component("recordProtectionAcknowledgement")
public class RecordProtectionAcknowledgement implements TaskListener, JavaDelegate {

  private final ProtectionRegistry registry;
  private final ProtectionNotices notices;
  private final IdentityService identityService;
  private final HistoryService historyService;
  private final Today today;

  public RecordProtectionAcknowledgement(ProtectionRegistry registry, ProtectionNotices notices,
      IdentityService identityService, HistoryService historyService, Today today) {
    this.registry = registry;
    this.notices = notices;
    this.identityService = identityService;
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
    registry.acknowledge(text(execution, "decisionNo"), Department.valueOf((String) execution.getVariableLocal("department")),
        task.getAssignee(), today.date());
  }

  @Override
  public void notify(DelegateTask task) {
    if (!new Fields(task).bool("protectionAcknowledged", "已知悉并落实")) {
      throw new InvalidFieldException("protectionAcknowledged", "已知悉并落实", "须勾选确认");
    }
    Authentication caller = identityService.getCurrentAuthentication();
    String by = caller != null && caller.getUserId() != null ? caller.getUserId() : task.getAssignee();
    for (Department department : notices.departments(task, text(task, "noticeGroup"))) {
      registry.acknowledge(text(task, "decisionNo"), department, by, today.date());
    }
  }
}
