package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;
import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.registry.PrefilingRecord;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code lookUpPrefiling} (M4): a case counts as pre-filed when its number exists,
 * belongs to the same unit and was registered no later than the error was discovered. A number that
 * does not qualify is no error: {@code prefiled} is false and {@code prefilingNote} says why.
 */
@Component("lookUpPrefiling")
public class LookUpPrefiling implements JavaDelegate {

  private final PrefilingRegistry registry;

  public LookUpPrefiling(PrefilingRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = text(execution, "prefilingNo");
    String note = note(number, text(execution, "unitGroup"),
        date(execution, "discoveredOn"));
    execution.setVariable("prefiled", note == null);
    execution.setVariable("prefilingNote", note == null ? "已事前备案：" + number : note);
  }

  /** Why the number does not count as a pre-filing, or null when it does. */
  private String note(String number, String unitGroup, LocalDate discoveredOn) {
    if (number == null || number.isBlank()) {
      return "未关联事前备案";
    }
    Optional<PrefilingRecord> found = registry.find(number.strip());
    if (found.isEmpty()) {
      return "备案编号 " + number + " 未登记，不作为事前备案";
    }
    PrefilingRecord record = found.get();
    if (!record.unitGroup().equals(unitGroup)) {
      return "备案编号 " + number + " 不是本单位的备案，不作为事前备案";
    }
    if (record.registeredOn().isAfter(discoveredOn)) {
      return "备案编号 " + number + " 于 " + record.registeredOn() + " 登记，晚于错情发现日期 " + discoveredOn
          + "，不属于事前备案";
    }
    return null;
  }
}
