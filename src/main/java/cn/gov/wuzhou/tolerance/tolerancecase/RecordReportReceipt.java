package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;
import static cn.gov.wuzhou.tolerance.common.ProcessData.setIfChanged;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.common.WorkingDays;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code acknowledgeByDisciplineInspection} (M5, 第一时间报告): the commission confirms or corrects the
 * discovery date (with its reason) and states the day it received the report; those days, not the unit's own word,
 * decide whether the error was reported within {@code tolerance.reporting-deadline-working-days} working days.
 */
@Component("recordReportReceipt")
public class RecordReportReceipt implements TaskListener {

  private final ToleranceProperties properties;
  private final Today today;
  private final WorkingDays workingDays;

  public RecordReportReceipt(ToleranceProperties properties, Today today, WorkingDays workingDays) {
    this.properties = properties;
    this.today = today;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    if (!fields.bool("disciplineAcknowledged", "已接收错情报告")) {
      throw new InvalidFieldException("disciplineAcknowledged", "已接收错情报告", "须勾选确认");
    }
    LocalDate receivedOn = fields.date("reportReceivedOn", "收到报告日期");
    LocalDate discoveredOn = confirmDiscovery(task, fields, receivedOn);
    if (receivedOn.isBefore(discoveredOn)) {
      throw new InvalidFieldException("reportReceivedOn", "收到报告日期", "不能早于发现日期（" + discoveredOn + "）");
    }
    if (receivedOn.isAfter(today.date())) {
      throw new InvalidFieldException("reportReceivedOn", "收到报告日期", "不能晚于今天（" + today.date() + "）");
    }
    confirmScope(task, fields);
    task.setVariable("reportingDelayDays", ChronoUnit.DAYS.between(discoveredOn, receivedOn));
    long workingDelay = workingDays.between(discoveredOn, receivedOn);
    task.setVariable("reportingDelayWorkingDays", workingDelay);
    task.setVariable("reportedTimely", workingDelay <= properties.reportingDeadlineWorkingDays());
  }

  /**
   * M1: an official the unit marked 其他 is confirmed out of scope by the commission (the case ends as NOT_APPLICABLE
   * with its reason) or given the right category (the case goes on, the unit's word kept in the basis). Other
   * categories are the accountability office's to correct at review.
   */
  private static void confirmScope(DelegateTask task, Fields fields) {
    Object reportedCode = task.hasVariable(Reclassification.REPORTED_OFFICIAL_CATEGORY)
        ? task.getVariable(Reclassification.REPORTED_OFFICIAL_CATEGORY) : task.getVariable("officialCategory");
    OfficialCategory reported = OfficialCategory.valueOf((String) reportedCode);
    OfficialCategory now = fields.code("officialCategory", "人员类别", OfficialCategory.class);
    if (reported.inScope()) {
      if (now != reported) {
        throw new InvalidFieldException("officialCategory", "人员类别",
            "不能在接收报告时更改：单位未标为“其他”的，由问责承办机关在核查认定时更正");
      }
      return;
    }
    String reason = fields.optionalText("scopeReason", "适用主体确认理由", 2000);
    if (reason == null) {
      throw new InvalidFieldException("scopeReason", "适用主体确认理由",
          "不能为空：单位将当事人标为“其他”，纪委监委须确认不属于适用主体或更正人员类别，并写明理由");
    }
    reason = reason.replaceAll("[。；;.\\s]+$", "");
    if (now.inScope()) {
      task.setVariable("scopeCorrection", "纪委监委将人员类别由“" + reported.label() + "”更正为“" + now.label() + "”，理由：" + reason);
      task.setVariable(Reclassification.REPORTED_OFFICIAL_CATEGORY, now.name());
      task.setVariable("eligible", true);
      task.setVariable("eligibilityReason", "当事人为" + now.label() + "，属于容错纠错适用主体（经纪委监委更正）");
    } else {
      task.setVariable("eligible", false);
      task.setVariable("eligibilityReason", "经纪委监委确认，当事人不属于容错纠错适用主体：" + reason);
      task.setVariable("determination", Determination.NOT_APPLICABLE.name());
    }
  }

  /**
   * The discovery date in force: the unit's, unless the commission corrects it ({@code confirmedDiscoveredOn}, with
   * {@code discoveryCorrectionReason}); the unit's date is kept in {@code reportedDiscoveredOn} and the basis.
   */
  private LocalDate confirmDiscovery(DelegateTask task, Fields fields, LocalDate receivedOn) {
    LocalDate reported = task.hasVariable("reportedDiscoveredOn")
        ? date(task, "reportedDiscoveredOn") : date(task, "discoveredOn");
    LocalDate confirmed = fields.optionalDate("confirmedDiscoveredOn", "核实的发现日期");
    if (confirmed == null || confirmed.equals(reported)) {
      setIfChanged(task, "confirmedDiscoveredOn", reported.toString());
      setIfChanged(task, "discoveredOn", reported.toString());
      task.removeVariable("discoveryCorrection");
      return reported;
    }
    if (confirmed.isAfter(receivedOn) || confirmed.isAfter(today.date())) {
      throw new InvalidFieldException("confirmedDiscoveredOn", "核实的发现日期", "不能晚于收到报告日期，也不能晚于今天");
    }
    String reason = fields.optionalText("discoveryCorrectionReason", "更正发现日期的理由", 2000);
    if (reason == null) {
      throw new InvalidFieldException("discoveryCorrectionReason", "更正发现日期的理由",
          "不能为空：核实的发现日期与单位报告的（" + reported + "）不同，须写明理由");
    }
    task.setVariable("reportedDiscoveredOn", reported.toString());
    task.setVariable("discoveredOn", confirmed.toString());
    task.setVariable("discoveryCorrection", "纪委监委将发现日期由单位报告的 " + reported + " 更正为 " + confirmed + "，理由："
        + reason.replaceAll("[。；;.\\s]+$", ""));
    return confirmed;
  }
}
