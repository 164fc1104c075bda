package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code acknowledgeByDisciplineInspection} (M5, 第一时间报告): the commission states the day it
 * received the report, and that day, not the unit's own word, decides whether the error was reported within
 * {@code tolerance.reporting-deadline-days} of its discovery.
 */
@Component("recordReportReceipt")
public class RecordReportReceipt implements TaskListener {

  private final ToleranceProperties properties;
  private final Today today;

  public RecordReportReceipt(ToleranceProperties properties, Today today) {
    this.properties = properties;
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    if (!fields.bool("disciplineAcknowledged", "已接收错情报告")) {
      throw new InvalidFieldException("disciplineAcknowledged", "已接收错情报告", "须勾选确认");
    }
    LocalDate receivedOn = fields.date("reportReceivedOn", "收到报告日期");
    LocalDate discoveredOn = date(task, "discoveredOn");
    if (receivedOn.isBefore(discoveredOn)) {
      throw new InvalidFieldException("reportReceivedOn", "收到报告日期", "不能早于发现日期（" + discoveredOn + "）");
    }
    if (receivedOn.isAfter(today.date())) {
      throw new InvalidFieldException("reportReceivedOn", "收到报告日期", "不能晚于今天（" + today.date() + "）");
    }
    long delay = ChronoUnit.DAYS.between(discoveredOn, receivedOn);
    task.setVariable("reportingDelayDays", delay);
    task.setVariable("reportedTimely", delay <= properties.reportingDeadlineDays());
  }
}
