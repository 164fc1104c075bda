package cn.gov.wuzhou.tolerance.identity;

import cn.gov.wuzhou.tolerance.database.HistoryFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What a task's card in Tasklist says of its case: the 事项编号, the unit, the official or the plan, the numbers.
 *
 * <p>Agencies work a case's tasks without reading the case (READ on the task, not on the process
 * instance), so the task list cannot embed the case's variables for them. When a task is created, what
 * the card shows is written, as one line, into one variable of the task itself ({@value #CARD_VARIABLE}):
 * whoever may read the task may read it, nobody else, and every other variable of the case stays as
 * closed as it was. One variable, not one per column: each is a row written when the task is made and
 * deleted when it is done, and one per column cost 90 of the 2,000 statements of a case (benchmark).
 *
 * <p>Installed on every user task of every process by a parse listener (the BPMN stays as process
 * owners edit it), as a built-in listener, so it also runs when Cockpit skips custom listeners. The
 * card is not a fact of the case, whose own variables are in the history: it is kept out of it.
 */
@Component
public class TaskCards extends AbstractProcessEnginePlugin {

  /** The task variable the card's column shows, and the column's label. */
  public static final String CARD_VARIABLE = "caseCard";
  public static final String CARD_LABEL = "事项";

  /** A case variable the card names, with the words before its value (none: the value speaks for itself). */
  record Part(String caseVariable, String prefix) {}

  /** Not a variable: the card shows the case's business key under this name. */
  static final String CASE_NO = "caseNo";

  static final List<Part> PARTS = List.of(
      new Part(CASE_NO, ""),
      new Part("unitName", ""),
      new Part("planTitle", ""),
      new Part("officialName", ""),
      new Part("prefilingNo", "备案编号 "),
      new Part("decisionNo", "决定编号 "));

  // what the task's description names, in the card's order
  private static final Set<String> DESCRIBED = Set.of(CASE_NO, "unitName", "officialName", "planTitle");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new CopyOnCreate());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  // after init: the engine has built its history handler by now
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new HistoryFilter(configuration.getHistoryEventHandler(), TaskCards::isCopy));
  }

  static void copy(DelegateTask task) {
    List<String> card = new ArrayList<>();
    List<String> said = new ArrayList<>();
    for (Part part : PARTS) {
      Object value = CASE_NO.equals(part.caseVariable()) ? caseNo(task) : task.getVariable(part.caseVariable());
      if (value != null && !value.toString().isBlank()) {
        card.add(part.prefix() + value);
        if (DESCRIBED.contains(part.caseVariable())) {
          said.add(value.toString());
        }
      }
    }
    if (!card.isEmpty()) {
      task.setVariableLocal(CARD_VARIABLE, String.join(" · ", card));
    }
    // the task's description says the same in words: Tasklist shows it above the form, and its search box
    // (scripts/case-desk.js) finds a task by 事项编号, unit, official or plan through it
    if (task.getDescription() == null && !said.isEmpty()) {
      task.setDescription(String.join(" · ", said));
    }
  }

  /** The 事项编号: the business key of the case (a 一事一议 deliberation's task belongs to the case that called it). */
  private static String caseNo(DelegateTask task) {
    if (task.getExecution() == null) {
      return null;
    }
    ExecutionEntity instance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance.getBusinessKey();
  }

  static final class CopyOnCreate extends AbstractBpmnParseListener {

    private static final TaskListener COPY = TaskCards::copy;

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
    }
  }

  /** The card's own history events (created, and deleted with its task): the card is not a fact of the case. */
  static boolean isCopy(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
        && CARD_VARIABLE.equals(variable.getVariableName());
  }
}
