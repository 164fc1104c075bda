package cn.gov.wuzhou.tolerance.tolerancecase;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code reassessCase}: after the accountability office's review, the scope, the circumstance and
 * the pre-filing link follow the categories as the office found them, not only as the unit reported them.
 */
@Component("reassessCase")
public class ReassessCase implements JavaDelegate {

  private final PrefilingLink prefilings;

  public ReassessCase(PrefilingLink prefilings) {
    this.prefilings = prefilings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseClassification.classify(execution);
    prefilings.link(execution);
  }
}
