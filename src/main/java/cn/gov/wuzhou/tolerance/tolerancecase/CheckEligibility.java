package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code checkEligibility} (M1): is the official someone the measures cover? Also
 * names the circumstance (M2, M3) the work falls under, which the rules read.
 */
@Component("checkEligibility")
public class CheckEligibility implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    OfficialCategory category = OfficialCategory.valueOf(text(execution, "officialCategory"));
    WorkCategory work = WorkCategory.valueOf(text(execution, "workCategory"));

    execution.setVariable("circumstance", work.circumstance().name());
    execution.setVariable("eligible", category.inScope());
    if (category.inScope()) {
      execution.setVariable("eligibilityReason",
          "当事人为" + category.label() + "，属于容错纠错适用主体（措施一：适用主体全覆盖）");
    } else {
      execution.setVariable("eligibilityReason",
          "当事人不属于党政机关、国有企事业单位、其他行使公权力的公职人员或村（社区）基层自治组织管理人员，"
              + "不适用容错纠错（措施一）");
      execution.setVariable("determination", Determination.NOT_APPLICABLE.name());
    }
  }
}
