package cn.gov.wuzhou.tolerance.prefiling;

import java.util.HashMap;
import java.util.Map;

/** Work plans as a unit clerk would file them. */
public final class Plans {

  private Plans() {}

  public static Map<String, Object> valid() {
    Map<String, Object> plan = new HashMap<>();
    plan.put("planTitle", "重点招商项目容缺受理试点");
    plan.put("planSummary", "对重点招商项目实行“先批后补”，非核心材料在 30 日内补齐。");
    plan.put("workCategory", "INVESTMENT_ATTRACTION");
    plan.put("innovationNature", "INNOVATIVE");
    plan.put("riskAssessment", "材料补交不及时的风险，以台账跟踪、逾期提醒防控。");
    plan.put("plannedStart", "2030-12-01");
    plan.put("filingAuthority", "discipline-inspection");
    return plan;
  }

  static Map<String, Object> with(String name, Object value) {
    Map<String, Object> plan = valid();
    plan.put(name, value);
    return plan;
  }

  static Map<String, Object> without(String name) {
    Map<String, Object> plan = valid();
    plan.remove(name);
    return plan;
  }
}
