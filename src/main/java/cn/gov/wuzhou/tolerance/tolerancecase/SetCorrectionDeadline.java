package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code setCorrectionDeadline} (M5, 即知即改): the correction is due
 * {@code tolerance.correction-deadline-days} after the unit's report. From the end of that day the superior
 * committee supervises every {@code supervision-interval-days}; {@code correction-closing-days} later a
 * correction still not verified is closed. Also proposes the unit's report date as the day the commission
 * received the report, which the commission confirms or corrects.
 */
@Component("setCorrectionDeadline")
public class SetCorrectionDeadline implements JavaDelegate {

  private final ToleranceProperties properties;
  private final Today today;

  public SetCorrectionDeadline(ToleranceProperties properties, Today today) {
    this.properties = properties;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate reportedOn = date(execution, "reportedOn");
    LocalDate deadline = reportedOn.plusDays(properties.correctionDeadlineDays());

    execution.setVariable("reportReceivedOn", reportedOn.toString());
    execution.setVariable("correctionDeadline", deadline.toString());
    execution.setVariable("correctionOverdueAt", today.endOf(deadline));
    execution.setVariable("supervisionCycle",
        "R/" + today.endOf(deadline) + "/P" + properties.supervisionIntervalDays() + "D");
    execution.setVariable("correctionClosesAt", today.endOf(deadline.plusDays(properties.correctionClosingDays())));
  }
}
