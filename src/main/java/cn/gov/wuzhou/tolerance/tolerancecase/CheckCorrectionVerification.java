package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code verifyCorrection}: a correction sent back needs a reason the unit can act on. */
@Component("checkCorrectionVerification")
public class CheckCorrectionVerification implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    boolean verified = fields.bool("correctionVerified", "整改是否到位");
    if (!verified && fields.optionalText("verificationComment", "核实意见", 2000) == null) {
      throw new InvalidFieldException("verificationComment", "核实意见", "不能为空：整改未到位时须写明需继续整改的内容");
    }
  }
}
