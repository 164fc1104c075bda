package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code reportCorrectionCompleted}: a real completion date and a report of what was done. The
 * unit's date is proposed to the verifier, who confirms the date the correction was in fact completed.
 */
@Component("checkCorrectionReport")
public class CheckCorrectionReport implements TaskListener {

  private final Today today;

  public CheckCorrectionReport(Today today) {
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    fields.text("correctionReport", "整改情况", 4000);
    LocalDate completedOn = fields.date("correctionCompletedOn", "整改完成日期");
    LocalDate discoveredOn = date(task, "discoveredOn");
    if (completedOn.isBefore(discoveredOn)) {
      throw new InvalidFieldException("correctionCompletedOn", "整改完成日期", "不能早于发现日期（" + discoveredOn + "）");
    }
    if (completedOn.isAfter(today.date())) {
      throw new InvalidFieldException("correctionCompletedOn", "整改完成日期", "不能晚于今天（" + today.date() + "）");
    }
    task.setVariable("correctionVerifiedOn", completedOn.toString());
  }
}
