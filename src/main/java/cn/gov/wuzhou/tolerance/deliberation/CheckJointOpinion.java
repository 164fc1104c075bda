package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.common.Fields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code consolidateJointOpinion}: the office's joint recommendation and the consolidated opinion. */
@Component("checkJointOpinion")
public class CheckJointOpinion implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    fields.outcome("jointRecommendation", "联席会商建议");
    fields.text("jointOpinion", "联席会商意见", 4000);
  }
}
