package cn.gov.wuzhou.tolerance.common;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * For user tasks whose only rule is "this must be filled in", used straight from the BPMN:
 * {@code <camunda:taskListener event="complete" expression="${required.text(task, 'correctionPlan', '整改方案')}"/>}.
 * The form checks the same in the browser; this also holds for REST callers.
 */
@CallableFromModels
@Component("required")
public class Required {

  public void text(VariableScope scope, String name, String label) {
    new Fields(scope).text(name, label, 4000);
  }

  public void date(VariableScope scope, String name, String label) {
    new Fields(scope).date(name, label);
  }

  public void confirmed(VariableScope scope, String name, String label) {
    if (!new Fields(scope).bool(name, label)) {
      throw new InvalidFieldException(name, label, "须勾选确认");
    }
  }
}
