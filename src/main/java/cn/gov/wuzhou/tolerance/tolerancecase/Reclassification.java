package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Coded;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the accountability office changed of the unit's classification of a case (人员类别, 工作类别, 错情类型):
 * the variables keep the office's finding, the {@code reported…} variables the unit's report.
 */
final class Reclassification {

  static final String REPORTED_OFFICIAL_CATEGORY = "reportedOfficialCategory";
  static final String REPORTED_WORK_CATEGORY = "reportedWorkCategory";
  static final String REPORTED_ERROR_TYPE = "reportedErrorType";

  private Reclassification() {}

  /** The changes in words, such as {@code 工作类别由“其他”更正为“招商引资”}; empty when nothing changed. */
  static List<String> changes(VariableScope scope) {
    List<String> changes = new ArrayList<>();
    change(scope, changes, "人员类别", "officialCategory", REPORTED_OFFICIAL_CATEGORY, code -> OfficialCategory.valueOf(code));
    change(scope, changes, "工作类别", "workCategory", REPORTED_WORK_CATEGORY, code -> WorkCategory.valueOf(code));
    change(scope, changes, "错情类型", "errorType", REPORTED_ERROR_TYPE, code -> ErrorType.valueOf(code));
    return changes;
  }

  private static void change(VariableScope scope, List<String> changes, String label, String found, String reported,
      Function<String, Coded> codes) {
    String before = text(scope, reported);
    String after = text(scope, found);
    if (before != null && !before.equals(after)) {
      changes.add(label + "由“" + codes.apply(before).label() + "”更正为“" + codes.apply(after).label() + "”");
    }
  }
}
