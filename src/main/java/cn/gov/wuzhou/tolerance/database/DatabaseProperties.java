package cn.gov.wuzhou.tolerance.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The database under {@code tolerance.database.*}.
 *
 * @param analyzeInterval on PostgreSQL, how often each node looks for tables whose planner statistics are stale
 *                        ({@link PlannerStatistics}); zero turns it off
 */
@ConfigurationProperties("tolerance.database")
public record DatabaseProperties(Duration analyzeInterval) {

  public DatabaseProperties {
    analyzeInterval = analyzeInterval == null ? Duration.ofMinutes(5) : analyzeInterval;
  }
}
