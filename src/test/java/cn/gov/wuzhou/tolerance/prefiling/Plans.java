package cn.gov.wuzhou.tolerance.prefiling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

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

  /** A valid plan filed by the commerce bureau's clerk, waiting for the commission's review. */
  public static ProcessInstance filedByCommerceClerk(ProcessEngine engine) {
    engine.getIdentityService().setAuthentication("commerce-clerk", List.of("unit-commerce"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("prefiling", valid());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
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
