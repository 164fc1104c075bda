package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code assessTimeliness} (M5, 第一时间报告): was the error reported within
 * {@code tolerance.reporting-deadline-days} of its discovery? Also fixes the correction deadline,
 * {@code tolerance.correction-deadline-days} after the report, which the deadline timer waits for.
 */
@Component("assessTimeliness")
public class AssessTimeliness implements JavaDelegate {

  private final ToleranceProperties properties;
  private final Today today;

  public AssessTimeliness(ToleranceProperties properties, Today today) {
    this.properties = properties;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate discoveredOn = date(execution, "discoveredOn");
    LocalDate reportedOn = date(execution, "reportedOn");
    long delay = ChronoUnit.DAYS.between(discoveredOn, reportedOn);
    LocalDate correctionDeadline = reportedOn.plusDays(properties.correctionDeadlineDays());

    execution.setVariable("reportingDelayDays", delay);
    execution.setVariable("reportedTimely", delay <= properties.reportingDeadlineDays());
    execution.setVariable("correctionDeadline", correctionDeadline.toString());
    execution.setVariable("correctionOverdueAt", today.endOf(correctionDeadline));
  }
}
