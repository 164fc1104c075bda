package cn.gov.wuzhou.tolerance.integrity;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.integrity.IntegrityDigests.Digest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code writeIntegrityDigest}: the day's digest of the head {@code verifyIntegrityChain} verified,
 * kept outside the database.
 */
@Component("writeIntegrityDigest")
public class WriteIntegrityDigest implements JavaDelegate {

  private final IntegrityDigests digests;
  private final Today today;

  public WriteIntegrityDigest(IntegrityDigests digests, Today today) {
    this.digests = digests;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long entries = ((Number) execution.getVariable("verifiedEntries")).longValue();
    Digest written = digests.write(new Digest(today.date(), entries, (String) execution.getVariable("verifiedHead")));
    execution.setVariable("digestHead", written.head());
  }
}
