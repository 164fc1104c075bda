package cn.gov.wuzhou.tolerance.document;

import cn.gov.wuzhou.tolerance.api.Caller;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Which case a process instance belongs to, and whether the caller may see it: by the engine's own
 * rules, so that documents are seen exactly by those who see the case.
 *
 * <p>A case is a root process instance (a 一事一议 deliberation belongs to the case that called it).
 * The caller sees it when the engine lets the caller read it (a unit's grant on its own cases, made
 * at the start by {@code BindReportingUnit}; an administrator's on all), or when the caller works on
 * it: one of the caller's groups is or was a candidate of a task of the case, or the caller was
 * involved in one (assignee, owner or candidate user). Both come from the engine's authorizations and
 * history, so a body that gets tasks later, such as a county's, needs no change here.
 */
@Component
public class CaseAccess {

  /** A case the caller may see, reached through one of its process instances. */
  public record CaseFile(String caseInstanceId, String processInstanceId, boolean open) {}

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final CommandExecutor commandExecutor;

  CaseAccess(ProcessEngineConfigurationImpl engine) {
    this.historyService = engine.getHistoryService();
    this.runtimeService = engine.getRuntimeService();
    this.taskService = engine.getTaskService();
    this.commandExecutor = engine.getCommandExecutorTxRequired();
  }

  /** The case of this process instance, if the caller may see it. */
  public Optional<CaseFile> visible(String processInstanceId, Caller caller) {
    return caseOf(processInstanceId)
        .filter(root -> maySee(root.getId(), caller))
        .map(root -> new CaseFile(root.getId(), processInstanceId, root.getEndTime() == null));
  }

  /** An open task of the case that the caller may see (the engine checks the task as the caller). */
  Optional<Task> taskOf(CaseFile caseFile, String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    return caseOf(task.getProcessInstanceId())
        .filter(root -> root.getId().equals(caseFile.caseInstanceId()))
        .map(root -> task);
  }

  private Optional<HistoricProcessInstance> caseOf(String processInstanceId) {
    return Optional.ofNullable(unchecked(() -> {
      HistoricProcessInstance instance = historicInstance(processInstanceId);
      String root = instance == null ? null : instance.getRootProcessInstanceId();
      return root == null || root.equals(instance.getId()) ? instance : historicInstance(root);
    }));
  }

  private HistoricProcessInstance historicInstance(String id) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private boolean maySee(String caseId, Caller caller) {
    // as the caller: the engine applies its authorizations
    if (historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).count() > 0
        || runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count() > 0) {
      return true;
    }
    return unchecked(() -> caller.groups().stream().anyMatch(group -> historyService.createHistoricTaskInstanceQuery()
            .rootProcessInstanceId(caseId).taskHadCandidateGroup(group).count() > 0)
        || historyService.createHistoricTaskInstanceQuery()
            .rootProcessInstanceId(caseId).taskInvolvedUser(caller.userId()).count() > 0);
  }

  // looks at the case's history without the caller's checks: what is looked for is the caller's part in it
  private <T> T unchecked(Supplier<T> query) {
    return commandExecutor.execute(context -> {
      context.disableAuthorizationCheck();
      return query.get();
    });
  }
}
