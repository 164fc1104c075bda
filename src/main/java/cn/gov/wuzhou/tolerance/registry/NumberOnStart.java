package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.common.Today;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every case and pre-filing its 事项编号 as it starts: the process instance's business key (what Cockpit's
 * lists show, task cards and Tasklist's search), and a row of {@link CaseNumbers}.
 *
 * <p>Installed by a parse listener as the last start listener of the start event of {@code toleranceCase} and
 * {@code prefiling}, after the listeners that settle the unit and check the report: a start they refuse draws no
 * number, and the number is drawn in the starting transaction, so a start that fails later gives it back. The
 * BPMN stays as process owners edit it. A number a client sent as business key is replaced.
 */
@Component
public class NumberOnStart extends AbstractProcessEnginePlugin {

  private final CaseNumbers caseNumbers;
  private final Today today;

  public NumberOnStart(CaseNumbers caseNumbers, Today today) {
    this.caseNumbers = caseNumbers;
    this.today = today;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new NumberStartEvent());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  void number(DelegateExecution execution, String processKey) {
    String number = caseNumbers.draw(processKey, execution.getProcessInstanceId(),
        (String) execution.getVariable("unitGroup"), today.now());
    execution.setProcessBusinessKey(number);
  }

  final class NumberStartEvent extends AbstractBpmnParseListener {

    @Override
    public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
      if (scope instanceof ProcessDefinitionEntity process && CaseNumbers.PREFIXES.containsKey(process.getKey())) {
        String processKey = process.getKey();
        startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) execution -> number(execution, processKey));
      }
    }
  }
}
