package cn.gov.wuzhou.tolerance.mail;

import cn.gov.wuzhou.tolerance.mail.MailWriter.TaskFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The mail for a new task: written to the outbox when the task is created, in the same transaction, so a task that
 * rolls back leaves no mail and a created task never misses its mail. Installed on every user task by a parse
 * listener (like {@code TaskCards}), so process owners' BPMN needs nothing for it.
 */
@Component
public class TaskMail extends AbstractProcessEnginePlugin {

  // the writer needs the database and the mail settings, not the engine: looked up when a task is created
  private final ObjectProvider<MailWriter> writer;

  TaskMail(ObjectProvider<MailWriter> writer) {
    this.writer = writer;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    TaskListener onCreate = this::created;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void created(DelegateTask task) {
    MailWriter mail = writer.getObject();
    if (!mail.enabled()) {
      return;
    }
    List<String> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> link.getGroupId()).filter(Objects::nonNull).distinct().toList();
    mail.aboutTask(Mail.NEW_TASK, new TaskFacts(task.getId(), task.getName(), caseNo((ExecutionEntity) task.getExecution()),
        task.getDueDate(), groups), task.getProcessEngineServices().getIdentityService());
  }

  /** The case's 事项编号: the business key of the case (the root instance), else its id. */
  static String caseNo(ExecutionEntity execution) {
    ExecutionEntity instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance.getBusinessKey() == null || instance.getBusinessKey().isBlank() ? instance.getId()
        : instance.getBusinessKey();
  }
}
