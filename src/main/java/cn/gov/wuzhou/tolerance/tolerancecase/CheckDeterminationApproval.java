package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code approveDetermination}: an approved proposal becomes the case's
 * {@code determination}, if the office's findings allow it; a rejected one goes back to the office with the
 * committee's reason.
 */
@Component("checkDeterminationApproval")
public class CheckDeterminationApproval implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    if (fields.bool("approved", "是否同意")) {
      Determination proposed = Determination.valueOf((String) task.getVariable("proposedDetermination"));
      String conflict = BindingFindings.conflict(task, proposed);
      if (conflict != null) {
        throw new InvalidFieldException("approved", "是否同意", "：不能同意拟认定结果“" + proposed.label() + "”。" + conflict
            + "。请选择不同意，退回问责承办机关");
      }
      task.setVariable("determination", proposed.name());
    } else if (fields.optionalText("approvalComment", "不同意的理由", 2000) == null) {
      throw new InvalidFieldException("approvalComment", "不同意的理由", "不能为空：不同意时须写明");
    }
  }
}
