package cn.gov.wuzhou.tolerance.rules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the rules preview ({@code tolerance.rules} in application.yaml).
 *
 * @param replayBudget how long one preview may evaluate before it is stopped with 422 (default 10 s)
 */
@ConfigurationProperties("tolerance.rules")
public record RulesProperties(Duration replayBudget) {

  public RulesProperties {
    replayBudget = replayBudget == null || replayBudget.isNegative() || replayBudget.isZero()
        ? Duration.ofSeconds(10) : replayBudget;
  }
}
