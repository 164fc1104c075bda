package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code setCorrectionDeadline} (M5, 即知即改): the correction starts at once, due
 * {@code tolerance.correction-deadline-days} after the unit's report until the superior committee sets the deadline
 * when it acknowledges the report ({@link RecordSuperiorAcknowledgement}). Also proposes the unit's report date as the
 * day the commission received the report, which the commission confirms or corrects.
 */
@Component("setCorrectionDeadline")
public class SetCorrectionDeadline implements JavaDelegate {

  private final CorrectionDeadline deadline;

  public SetCorrectionDeadline(CorrectionDeadline deadline) {
    this.deadline = deadline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate reportedOn = date(execution, "reportedOn");
    execution.setVariable("reportReceivedOn", reportedOn.toString());
    deadline.set(execution, deadline.byDefault(reportedOn));
  }
}
