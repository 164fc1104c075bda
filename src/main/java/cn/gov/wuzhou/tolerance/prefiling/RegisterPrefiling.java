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
 * Service task {@code registerPrefiling}: writes the registry record, sets {@code prefilingNo} (the number the
 * pre-filing got when it started) and issues the 事前备案回执 (PDF) to the filing's 材料, the one and the other once
 * however often the job runs.
 */
@Component("registerPrefiling")
public class RegisterPrefiling implements JavaDelegate {

  private final PrefilingRegistry registry;
  private final PrefilingReceipt receipt;
  private final Today today;

  public RegisterPrefiling(PrefilingRegistry registry, PrefilingReceipt receipt, Today today) {
    this.registry = registry;
    this.receipt = receipt;
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
    execution.setVariable("receiptDocumentId", receipt.issue(registry.find(prefilingNo).orElseThrow()).id());
    execution.setVariable("registeredOn", registeredOn.toString());
  }
}
