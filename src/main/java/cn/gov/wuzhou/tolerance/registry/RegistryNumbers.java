package cn.gov.wuzhou.tolerance.registry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registry numbers such as {@code WZBA-2026-0001}: unique and gap-free per kind and year. The
 * counter row stays locked until the caller's transaction ends, so concurrent registrations queue
 * up, and a transaction that rolls back returns its number.
 */
@Component
public class RegistryNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separateTransaction;

  public RegistryNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Draws the next number; must be called in the transaction that writes the numbered record. */
  public String next(String prefix, int year) {
    ensureCounter(prefix, year);
    jdbc.update("UPDATE number_sequence SET last_value = last_value + 1 WHERE kind = ? AND seq_year = ?", prefix, year);
    Integer value = jdbc.queryForObject(
        "SELECT last_value FROM number_sequence WHERE kind = ? AND seq_year = ?", Integer.class, prefix, year);
    return "%s-%d-%04d".formatted(prefix, year, value);
  }

  // Created in its own transaction: a duplicate-key failure must not abort the caller's transaction
  // (PostgreSQL would), and the empty counter row is harmless if the caller rolls back.
  private void ensureCounter(String prefix, int year) {
    if (counterExists(prefix, year)) {
      return;
    }
    try {
      separateTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO number_sequence (kind, seq_year, last_value) VALUES (?, ?, 0)", prefix, year));
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      // the counter exists now, which is all we need
    }
  }

  private boolean counterExists(String prefix, int year) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM number_sequence WHERE kind = ? AND seq_year = ?", Integer.class, prefix, year);
    return count != null && count > 0;
  }
}
