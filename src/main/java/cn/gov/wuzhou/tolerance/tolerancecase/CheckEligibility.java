package cn.gov.wuzhou.tolerance.tolerancecase;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code checkEligibility} (M1): is the official someone the measures cover, as the unit reports?
 * Also names the circumstance (M2, M3) the work falls under, which the rules read. No report ends here: one whose
 * official the unit marks out of scope still reaches 上级党委（党组） and 纪委监委, which confirms or corrects it.
 */
@Component("checkEligibility")
public class CheckEligibility implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CaseClassification.classify(execution, false);
  }
}
