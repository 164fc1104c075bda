package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code reviewCase}: the accountability office's findings, each a yes or no the rules read
 * (M2, M3), whether the matter is complex enough for a joint deliberation (M7), and the reason for any
 * correction of the unit's classification, which the decision's basis records.
 */
@Component("checkCaseReview")
public class CheckCaseReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    // required by the form; cases begun on the first process version were not asked
    if (task.getVariable("actedInPublicInterest") != null) {
      fields.bool("actedInPublicInterest", "是否出于公心、担当尽责");
    }
    fields.bool("followedDecisionProcedure", "是否符合决策程序");
    fields.bool("violatedDisciplineOrLaw", "是否违反党纪和法律法规");
    fields.bool("subjectiveIntent", "是否存在主观故意");
    fields.bool("personalGain", "是否谋取私利");
    fields.code("officialCategory", "人员类别", OfficialCategory.class);
    fields.code("workCategory", "工作类别", WorkCategory.class);
    ErrorType errorType = fields.code("errorType", "错情类型", ErrorType.class);
    if (errorType == ErrorType.PROCEDURAL) {
      fields.bool("nonCoreDocumentsOnly", "是否只涉及非核心要件");
    } else {
      task.removeVariable("nonCoreDocumentsOnly");
    }
    boolean complex = fields.bool("complexCircumstances", "情况是否复杂");
    boolean wide = fields.bool("wideImpact", "是否涉及面广");
    boolean attention = fields.bool("highPublicAttention", "是否社会关注度高");
    fields.text("reviewOpinion", "审查意见", 4000);
    task.setVariable("complexMatter", complex || wide || attention);

    List<String> changes = Reclassification.changes(task);
    String reason = fields.optionalText("reclassificationReason", "更正理由", 2000);
    if (changes.isEmpty()) {
      task.removeVariable("reclassification");
    } else if (reason == null) {
      throw new InvalidFieldException("reclassificationReason", "更正理由",
          "不能为空：" + String.join("，", changes) + "，须写明理由");
    } else {
      task.setVariable("reclassification", String.join("，", changes) + "，理由：" + reason);
    }
  }
}
