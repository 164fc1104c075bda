package cn.gov.wuzhou.tolerance.integrity;

import cn.gov.wuzhou.tolerance.integrity.IntegrityVerifier.Report;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code verifyIntegrityChain}: verifies the whole chain. A mismatch fails the job with the first
 * record that no longer matches, which after its retries becomes an incident in Cockpit.
 */
@Component("verifyIntegrityChain")
public class VerifyIntegrityChain implements JavaDelegate {

  private final IntegrityVerifier verifier;

  public VerifyIntegrityChain(IntegrityVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Report report = verifier.verify();
    if (!report.intact()) {
      throw new IllegalStateException("存证链核验不符：" + report.first().message()
          + "（共 " + report.findings().size() + " 处；详见 GET /api/integrity）");
    }
    execution.setVariable("verifiedEntries", report.entries());
    execution.setVariable("verifiedHead", report.head());
  }
}
