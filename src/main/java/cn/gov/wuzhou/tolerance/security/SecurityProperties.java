package cn.gov.wuzhou.tolerance.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tolerance.security} in application.yaml.
 *
 * @param loginThrottle how failed logins slow down whoever keeps guessing
 * @param hsts          send {@code Strict-Transport-Security} (prod: the system is served over HTTPS only)
 * @param apiDocsLogin  the OpenAPI description at {@code /api-docs} needs a login (prod)
 */
@ConfigurationProperties("tolerance.security")
public record SecurityProperties(LoginThrottleSettings loginThrottle, boolean hsts, boolean apiDocsLogin) {

  /**
   * @param freeFailures failed logins of one account from one address before it is slowed down
   * @param firstDelay   wait after the first failure beyond those, doubled with each further failure
   * @param maxDelay     the longest wait: nobody is ever locked out for longer
   * @param forgetAfter  failures this long ago are forgotten
   * @param maxTracked   accounts and addresses remembered at most, so guessing cannot fill the memory
   */
  public record LoginThrottleSettings(
      int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter, int maxTracked) {

    public LoginThrottleSettings {
      if (freeFailures < 1 || maxTracked < 1 || firstDelay.isNegative() || firstDelay.isZero()
          || maxDelay.compareTo(firstDelay) < 0 || forgetAfter.compareTo(maxDelay) < 0) {
        throw new IllegalStateException("tolerance.security.login-throttle: free-failures and max-tracked must be "
            + "positive, 0 < first-delay <= max-delay <= forget-after");
      }
    }
  }
}
