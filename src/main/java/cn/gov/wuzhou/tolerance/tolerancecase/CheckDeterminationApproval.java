package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code approveDetermination}: an approved proposal becomes the case's
 * {@code determination}; a rejected one goes back to the office with the committee's reason.
 */
@Component("checkDeterminationApproval")
public class CheckDeterminationApproval implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    if (fields.bool("approved", "是否同意")) {
      task.setVariable("determination", task.getVariable("proposedDetermination"));
    } else if (fields.optionalText("approvalComment", "不同意的理由", 2000) == null) {
      throw new InvalidFieldException("approvalComment", "不同意的理由", "不能为空：不同意时须写明");
    }
  }
}
