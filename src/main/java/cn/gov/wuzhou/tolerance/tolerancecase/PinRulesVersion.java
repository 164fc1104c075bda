package cn.gov.wuzhou.tolerance.tolerancecase;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Start of {@code determineRecommendation}: the rules in force now are the latest deployed version of
 * {@code toleranceDetermination}, wherever it was deployed from (a table deployed alone from Modeler too).
 * The task evaluates exactly that version ({@code rulesVersion}) and the decision records it.
 */
@Component("pinRulesVersion")
public class PinRulesVersion implements ExecutionListener {

  public static final String RULES_KEY = "toleranceDetermination";

  @Override
  public void notify(DelegateExecution execution) {
    // the clerk whose completion reached this step may not read decision definitions
    DecisionDefinition rules = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getRepositoryService().createDecisionDefinitionQuery()
            .decisionDefinitionKey(RULES_KEY).withoutTenantId().latestVersion().singleResult());
    if (rules == null) {
      throw new IllegalStateException("容错认定规则（" + RULES_KEY + "）未部署");
    }
    execution.setVariable("rulesVersion", rules.getVersion());
    execution.setVariable("rulesDefinitionId", rules.getId());
  }
}
