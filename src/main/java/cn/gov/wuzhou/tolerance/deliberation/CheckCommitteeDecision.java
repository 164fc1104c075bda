package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.tolerancecase.BindingFindings;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code decideByCommittee}: the deciding party committee's (市委 or 县委) decision and its reasons; the
 * office's findings, passed in with the matter, bind it as they bind a proposal.
 */
@Component("checkCommitteeDecision")
public class CheckCommitteeDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    Determination decision = fields.outcome("committeeDecision", "党委决定");
    BindingFindings.require(task, decision, "committeeDecision", "党委决定");
    fields.text("committeeComment", "决定理由", 4000);
  }
}
