package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import cn.gov.wuzhou.tolerance.common.WorkingDays;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code assessTimeliness} of the first version of {@code toleranceCase}, kept for the cases still
 * running on it: there the commission confirms no receipt date, so the unit's report date decides whether the
 * error was reported in time. Cases begun on later versions go through {@link SetCorrectionDeadline} and
 * {@link RecordReportReceipt}.
 */
@Component("assessTimeliness")
public class AssessTimeliness implements JavaDelegate {

  private final SetCorrectionDeadline deadline;
  private final ToleranceProperties properties;
  private final WorkingDays workingDays;

  public AssessTimeliness(SetCorrectionDeadline deadline, ToleranceProperties properties, WorkingDays workingDays) {
    this.deadline = deadline;
    this.properties = properties;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadline.execute(execution);
    long delay = ChronoUnit.DAYS.between(date(execution, "discoveredOn"), date(execution, "reportedOn"));
    execution.setVariable("reportingDelayDays", delay);
    execution.setVariable("reportedTimely",
        workingDays.between(date(execution, "discoveredOn"), date(execution, "reportedOn")) <= properties.reportingDeadlineWorkingDays());
  }
}
