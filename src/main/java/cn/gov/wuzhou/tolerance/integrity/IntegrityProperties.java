package cn.gov.wuzhou.tolerance.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the registry's hash chain under {@code tolerance.integrity}.
 *
 * @param digestDirectory where the daily digests of the chain head are written: outside the database, ideally a
 *                        place the database's administrators cannot write (another server's mount, a WORM store)
 * @param checkCycle      when the whole chain is verified and the day's digest written: a Camunda timer cycle
 */
@ConfigurationProperties("tolerance.integrity")
public record IntegrityProperties(String digestDirectory, String checkCycle) {

  /** 01:30 every day. */
  public static final String DAILY = "0 30 1 * * ?";

  public IntegrityProperties {
    digestDirectory = digestDirectory == null || digestDirectory.isBlank() ? "./integrity-digests" : digestDirectory;
    checkCycle = checkCycle == null || checkCycle.isBlank() ? DAILY : checkCycle;
  }
}
