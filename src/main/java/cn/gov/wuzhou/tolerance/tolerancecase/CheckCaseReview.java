package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code reviewCase}: the accountability office's findings, each a yes or no the
 * rules read (M2), and whether the matter is complex enough for a joint deliberation (M7).
 */
@Component("checkCaseReview")
public class CheckCaseReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    fields.bool("followedDecisionProcedure", "是否履行民主决策程序");
    fields.bool("violatedDisciplineOrLaw", "是否违反党纪国法");
    fields.bool("subjectiveIntent", "是否存在主观故意");
    fields.bool("personalGain", "是否谋取私利");
    boolean complex = fields.bool("complexCircumstances", "情况是否复杂");
    boolean wide = fields.bool("wideImpact", "是否涉及面广");
    boolean attention = fields.bool("highPublicAttention", "是否社会关注度高");
    fields.text("reviewOpinion", "审查意见", 4000);
    task.setVariable("complexMatter", complex || wide || attention);
  }
}
