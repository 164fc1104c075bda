package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code assessCorrection} (M5, 即知即改), reached once the commission verified the
 * correction: it was timely when the completion date the commission confirmed is no later than the deadline.
 */
@Component("assessCorrection")
public class AssessCorrection implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate verifiedOn = date(execution, "correctionVerifiedOn");
    LocalDate deadline = date(execution, "correctionDeadline");
    execution.setVariable("correctedTimely", !verifiedOn.isAfter(deadline));
  }
}
