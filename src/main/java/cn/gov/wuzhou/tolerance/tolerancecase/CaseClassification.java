package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.setIfChanged;
import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Who the measures cover and which circumstance the work falls under, from the case's official category
 * and work category: as the unit reported them, and again as the accountability office found them.
 */
final class CaseClassification {

  private CaseClassification() {}

  /** Sets {@code eligible}, {@code eligibilityReason}, {@code circumstance}; an official out of scope is NOT_APPLICABLE. */
  static void classify(DelegateExecution execution) {
    classify(execution, true);
  }

  /**
   * As {@link #classify(DelegateExecution)}; with {@code decide} false an official the unit marks out of scope is
   * not yet NOT_APPLICABLE: the discipline-inspection body confirms or corrects that when it acknowledges the report.
   */
  static void classify(VariableScope execution, boolean decide) {
    OfficialCategory category = OfficialCategory.valueOf(text(execution, "officialCategory"));
    WorkCategory work = WorkCategory.valueOf(text(execution, "workCategory"));

    setIfChanged(execution, "circumstance", work.circumstance().name());
    setIfChanged(execution, "eligible", category.inScope());
    if (category.inScope()) {
      setIfChanged(execution, "eligibilityReason", "当事人为" + category.label() + "，属于容错纠错适用主体");
    } else {
      setIfChanged(execution, "eligibilityReason",
          "当事人不属于党政机关、国有企事业单位的干部，其他行使公权力的公职人员或村（社区）基层自治组织中从事管理工作的人员，"
              + "不适用容错纠错");
      if (decide) {
        setIfChanged(execution, "determination", Determination.NOT_APPLICABLE.name());
      }
    }
  }
}
