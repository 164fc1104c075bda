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
    fields.outcome("jointRecommendation", "一事一议建议");
    fields.text("jointOpinion", "一事一议意见", 4000);
  }
}
