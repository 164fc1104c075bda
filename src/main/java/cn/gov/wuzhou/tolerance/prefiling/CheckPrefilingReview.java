package cn.gov.wuzhou.tolerance.prefiling;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code reviewPrefiling}: a decision is required, a return needs a reason the unit
 * can act on, and the reviewer is remembered for the registry.
 */
@Component("checkPrefilingReview")
public class CheckPrefilingReview implements TaskListener {

  private final Today today;

  public CheckPrefilingReview(Today today) {
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    PrefilingDecision decision = fields.code("prefilingDecision", "审核结论", PrefilingDecision.class);
    String comment = fields.optionalText("reviewComment", "需补充的内容", 2000);
    if (decision == PrefilingDecision.RETURNED && comment == null) {
      throw new InvalidFieldException("reviewComment", "需补充的内容", "不能为空：退回补充时须写明");
    }
    if (decision == PrefilingDecision.REGISTERED) {
      try {
        CheckPrefilingPlan.notUnderWay(date(task, "plannedStart"), today.date());
      } catch (InvalidFieldException underWay) {
        throw new InvalidFieldException("prefilingDecision", "审核结论", "不能为“予以备案”：" + underWay.getMessage()
            + "；请选择退回补充");
      }
    }
    task.setVariable("prefilingReviewer", task.getAssignee());
  }
}
