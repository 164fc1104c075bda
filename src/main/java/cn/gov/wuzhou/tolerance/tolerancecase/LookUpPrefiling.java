package cn.gov.wuzhou.tolerance.tolerancecase;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code lookUpPrefiling} (M4): whether the case's pre-filing counts, see {@link PrefilingLink}. */
@Component("lookUpPrefiling")
public class LookUpPrefiling implements JavaDelegate {

  private final PrefilingLink prefilings;

  public LookUpPrefiling(PrefilingLink prefilings) {
    this.prefilings = prefilings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    prefilings.link(execution);
  }
}
