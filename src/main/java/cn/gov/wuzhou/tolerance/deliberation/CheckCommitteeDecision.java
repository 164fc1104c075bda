package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.common.Fields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code decideByCommittee}: the deciding party committee's (市委 or 县委) decision and its reasons. */
@Component("checkCommitteeDecision")
public class CheckCommitteeDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    fields.outcome("committeeDecision", "党委决定");
    fields.text("committeeComment", "决定理由", 4000);
  }
}
