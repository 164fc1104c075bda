package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code proposeDetermination}: the office either sends the case back to its own 核查认定 to
 * correct a finding ({@code reviewAgain}), or proposes a determination the findings allow; departing from the
 * rules' recommendation needs a reason.
 */
@Component("checkDeterminationProposal")
public class CheckDeterminationProposal implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    boolean reviewAgain = task.getVariable("reviewAgain") != null && fields.bool("reviewAgain", "重新核查认定");
    task.setVariable("reviewAgain", reviewAgain);
    if (reviewAgain) {
      return;
    }
    Determination proposed = fields.outcome("proposedDetermination", "拟认定结果");
    BindingFindings.require(task, proposed, "proposedDetermination", "拟认定结果");
    Determination recommended = Determination.valueOf((String) task.getVariable("recommendation"));
    if (proposed != recommended && fields.optionalText("deviationReason", "不同于规则建议的理由", 2000) == null) {
      throw new InvalidFieldException("deviationReason", "不同于规则建议的理由",
          "不能为空：拟认定为“" + proposed.label() + "”，与规则建议“" + recommended.label() + "”不同");
    }
  }
}
