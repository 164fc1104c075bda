package cn.gov.wuzhou.tolerance.tolerancecase;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code assessCorrection} (M5, 即知即改), reached once the commission verified the
 * correction: it was timely when completed no later than the deadline.
 */
@Component("assessCorrection")
public class AssessCorrection implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate completedOn = LocalDate.parse((String) execution.getVariable("correctionCompletedOn"));
    LocalDate deadline = LocalDate.parse((String) execution.getVariable("correctionDeadline"));
    execution.setVariable("correctedTimely", !completedOn.isAfter(deadline));
  }
}
