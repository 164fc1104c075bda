package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;
import static cn.gov.wuzhou.tolerance.common.ProcessData.setIfChanged;
import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.WorkCategory;
import cn.gov.wuzhou.tolerance.registry.PrefilingRecord;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whether a case's pre-filing number counts (M4, 事前备案): the filing exists, is the same unit's, is for the
 * same work, was registered before its plan started (事前), on or before the error's discovery, and planned to
 * start no later; the accountability office then confirms at review that the error arose in the filed work. A number that
 * does not qualify is no error: {@code prefiled} is false and {@code prefilingNote} says which condition
 * failed. Reviewers see the filed plan itself ({@code prefilingPlanTitle}, …), whether it counts or not.
 */
@Component
class PrefilingLink {

  private final PrefilingRegistry registry;

  PrefilingLink(PrefilingRegistry registry) {
    this.registry = registry;
  }

  void link(DelegateExecution execution) {
    String number = text(execution, "prefilingNo");
    Optional<PrefilingRecord> filing = number == null || number.isBlank()
        ? Optional.empty() : registry.find(number.strip());
    filing.ifPresent(plan -> {
      setIfChanged(execution, "prefilingPlanTitle", plan.planTitle());
      setIfChanged(execution, "prefilingPlanSummary", plan.planSummary());
      setIfChanged(execution, "prefilingRegisteredOn", plan.registeredOn().toString());
      setIfChanged(execution, "prefilingPlannedStart", plan.plannedStart().toString());
    });
    String note = note(number, filing, text(execution, "unitGroup"), text(execution, "workCategory"),
        date(execution, "discoveredOn"));
    Object inFiledWork = execution.getVariable("errorInFiledWork"); // the office's finding at review, none before
    if (note == null && Boolean.FALSE.equals(inFiledWork)) {
      note = "备案编号 " + number.strip() + " 经核查认定错情不是发生在所备案的工作中，不作为事前备案："
          + text(execution, "filedWorkReason").replaceAll("[。；;.\\s]+$", "");
    }
    setIfChanged(execution, "prefiled", note == null);
    setIfChanged(execution, "prefilingNote", note != null ? note : "已事前备案：" + number.strip()
        + (Boolean.TRUE.equals(inFiledWork) ? "，经核查认定错情发生在所备案的工作中" : "，待核查认定错情是否发生在所备案的工作中"));
  }

  /** Why the number does not count as a pre-filing, or null when it does. */
  private static String note(String number, Optional<PrefilingRecord> filing, String unitGroup, String workCategory,
      LocalDate discoveredOn) {
    if (number == null || number.isBlank()) {
      return "未关联事前备案";
    }
    if (filing.isEmpty()) {
      return "备案编号 " + number + " 未登记，不作为事前备案";
    }
    PrefilingRecord plan = filing.get();
    if (!plan.unitGroup().equals(unitGroup)) {
      return "备案编号 " + number + " 不是本单位的备案，不作为事前备案";
    }
    if (!plan.workCategory().equals(workCategory)) {
      return "备案编号 " + number + " 备案的是" + WorkCategory.valueOf(plan.workCategory()).label() + "工作，与本案的"
          + WorkCategory.valueOf(workCategory).label() + "工作不同，不作为事前备案";
    }
    if (plan.registeredOn().isAfter(plan.plannedStart())) {
      return "备案编号 " + number + " 于 " + plan.registeredOn() + " 登记，方案计划于 " + plan.plannedStart()
          + " 实施，登记时已在实施，不属于事前备案";
    }
    if (plan.registeredOn().isAfter(discoveredOn)) {
      return "备案编号 " + number + " 于 " + plan.registeredOn() + " 登记，晚于错情发现日期 " + discoveredOn
          + "，不属于事前备案";
    }
    if (plan.plannedStart().isAfter(discoveredOn)) {
      return "备案编号 " + number + " 的方案计划于 " + plan.plannedStart() + " 实施，晚于错情发现日期 " + discoveredOn
          + "，出现偏差的不是所备案的工作";
    }
    return null;
  }
}
