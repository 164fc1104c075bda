package cn.gov.wuzhou.tolerance.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A database row lock held until the surrounding transaction ends; on one database it serialises
 * work that several nodes may start at the same moment.
 */
@Component
public class RegistryLock {

  public static final String IDENTITY_SEED = "identity-seed";

  private final JdbcTemplate jdbc;

  public RegistryLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Must be called inside a transaction. */
  public void acquire(String name) {
    jdbc.queryForObject("SELECT name FROM registry_lock WHERE name = ? FOR UPDATE", String.class, name);
  }
}
