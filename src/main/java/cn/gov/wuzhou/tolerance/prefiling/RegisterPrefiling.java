package cn.gov.wuzhou.tolerance.prefiling;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;
import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.PrefilingRecord;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerPrefiling}: writes the registry record and sets {@code prefilingNo}, the number
 * the pre-filing got when it started.
 */
@Component("registerPrefiling")
public class RegisterPrefiling implements JavaDelegate {

  private final PrefilingRegistry registry;
  private final Today today;

  public RegisterPrefiling(PrefilingRegistry registry, Today today) {
    this.registry = registry;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate registeredOn = today.date();
    // the pre-filing's 事项编号, given at its start (NumberOnStart), is its registered number
    String prefilingNo = registry.register(new PrefilingRecord(
        execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(),
        text(execution, "unitGroup"),
        text(execution, "unitName"),
        text(execution, "planTitle"),
        text(execution, "planSummary"),
        text(execution, "workCategory"),
        text(execution, "innovationNature"),
        text(execution, "riskAssessment"),
        date(execution, "plannedStart"),
        text(execution, "filingAuthority"),
        registeredOn,
        text(execution, "prefilingReviewer"),
        text(execution, "reviewComment")));
    execution.setVariable("prefilingNo", prefilingNo);
    execution.setVariable("registeredOn", registeredOn.toString());
  }
}
