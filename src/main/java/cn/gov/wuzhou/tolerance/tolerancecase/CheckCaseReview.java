package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code reviewCase}: the accountability office's findings, each a yes or no the rules read
 * (M2, M3), whether the matter is complex enough for a joint deliberation (M7), and the reason for any
 * correction of the unit's classification or of the official's roles (which decide the protection notices), which the
 * decision's basis records.
 */
@Component("checkCaseReview")
public class CheckCaseReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // the roles the office sees, to tell its correction from a confirmation
      OfficialRoles.remember(task);
      return;
    }
    Fields fields = new Fields(task);
    // a case begun on the first process version was not asked 出于公心 by its form: it answers now, or stays here
    Findings.read(fields);
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
    fields.text("reviewOpinion", "核查认定意见", 4000);
    task.setVariable("complexMatter", complex || wide || attention);
    Findings.recordCorrections(task, fields);
    confirmFiledWork(task, fields);
    task.removeVariable("reviewAgain");

    List<String> changes = new ArrayList<>(Reclassification.changes(task));
    String reportedRoles = OfficialRoles.reported(task);
    String roles = OfficialRoles.confirm(task, fields);
    if (!roles.equals(reportedRoles)) {
      changes.add(OfficialRoles.LABEL + OfficialRoles.change(reportedRoles, roles));
    }
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

  /**
   * A case that names a filing: the office confirms the error arose in the filed work (事前备案 is a basis for the
   * determination of that work, not of any later work of the unit), or says why not. The link step that follows
   * ({@link PrefilingLink}) counts the filing only when confirmed.
   */
  private static void confirmFiledWork(DelegateTask task, Fields fields) {
    Object number = task.getVariable("prefilingNo");
    if (!(number instanceof String filing) || filing.isBlank()) {
      task.removeVariable("errorInFiledWork");
      return;
    }
    if (fields.bool("errorInFiledWork", "错情是否发生在所备案的工作中")) {
      task.removeVariable("filedWorkReason");
    } else if (fields.optionalText("filedWorkReason", "不属于所备案工作的理由", 2000) == null) {
      throw new InvalidFieldException("filedWorkReason", "不属于所备案工作的理由",
          "不能为空：认定错情不是发生在所备案的工作中时须写明");
    }
  }
}
