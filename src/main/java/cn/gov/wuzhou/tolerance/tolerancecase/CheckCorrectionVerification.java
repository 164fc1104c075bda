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
 * Completion of {@code verifyCorrection}: a verified correction needs the date it was in fact completed, no
 * later than today; a correction sent back needs a reason the unit can act on, and voids the dates reported
 * so far, so the unit reports its completion anew.
 */
@Component("checkCorrectionVerification")
public class CheckCorrectionVerification implements TaskListener {

  private final Today today;

  public CheckCorrectionVerification(Today today) {
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    if (fields.bool("correctionVerified", "整改是否到位")) {
      if (!task.hasVariable("correctionVerifiedOn")) {
        // reported before the commission was asked for the date (first process version): the unit's date stands
        task.setVariable("correctionVerifiedOn", task.getVariable("correctionCompletedOn"));
      }
      LocalDate verifiedOn = fields.date("correctionVerifiedOn", "核实的整改完成日期");
      LocalDate discoveredOn = date(task, "discoveredOn");
      if (verifiedOn.isBefore(discoveredOn)) {
        throw new InvalidFieldException("correctionVerifiedOn", "核实的整改完成日期", "不能早于发现日期（" + discoveredOn + "）");
      }
      if (verifiedOn.isAfter(today.date())) {
        throw new InvalidFieldException("correctionVerifiedOn", "核实的整改完成日期", "不能晚于核实当日（" + today.date() + "）");
      }
    } else {
      if (fields.optionalText("verificationComment", "需继续整改的内容", 2000) == null) {
        throw new InvalidFieldException("verificationComment", "需继续整改的内容", "不能为空：整改未到位时须写明需继续整改的内容");
      }
      task.removeVariable("correctionCompletedOn");
      task.removeVariable("correctionVerifiedOn");
    }
  }
}
