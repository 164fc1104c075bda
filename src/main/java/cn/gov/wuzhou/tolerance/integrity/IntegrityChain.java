package cn.gov.wuzhou.tolerance.integrity;

import cn.gov.wuzhou.tolerance.integrity.ChainWriter.Entry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one call a registry write makes: {@code chain.append("decision", decisionNo)} right after inserting the row,
 * in the same transaction. The row is hashed as stored (read back), so the verifier recomputes the same hash from
 * the table; record and entry commit together or not at all.
 */
@Component
public class IntegrityChain {

  /** What the chain says about one record. */
  public enum Status {
    VERIFIED("已核验"), CHANGED("与存证不符"), DELETED("已被删除"), NOT_CHAINED("未入存证链");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final JdbcTemplate jdbc;

  public IntegrityChain(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Appends the row of the registered table with these key values (in the order of its key columns); must be
   * called in the transaction that inserted it. The row is hashed now; its entry is written just before the
   * transaction commits, with the transaction's other entries under one lock of the head, so the head is not held
   * while the rest of the transaction (an engine command's flush) runs.
   */
  public void append(String table, Object... keyValues) {
    ChainedTable chained = registered(table);
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("a record enters the chain in the transaction that writes it: " + table);
    }
    String contentHash = jdbc.execute((ConnectionCallback<String>) connection ->
        CanonicalRows.hashOf(connection, chained, keyValues).orElseThrow(
            () -> new IllegalStateException(table + " " + CanonicalRows.key(keyValues) + " was not written")));
    pendingEntries().add(new Entry(table, CanonicalRows.key(keyValues), contentHash));
  }

  private List<Entry> pendingEntries() {
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof PendingEntries pending && pending.chain == this) {
        return pending.entries;
      }
    }
    PendingEntries pending = new PendingEntries(this);
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending.entries;
  }

  /** The entries of one transaction, written when it is about to commit (after every other before-commit step). */
  private static final class PendingEntries implements TransactionSynchronization {

    private final IntegrityChain chain;
    private final List<Entry> entries = new ArrayList<>();

    PendingEntries(IntegrityChain chain) {
      this.chain = chain;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      chain.jdbc.execute((ConnectionCallback<Void>) connection -> {
        ChainWriter.append(connection, entries);
        return null;
      });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  /** Whether the record still matches its entry, and its entry the one before it. */
  public Status status(String table, Object... keyValues) {
    ChainedTable chained = registered(table);
    String key = CanonicalRows.key(keyValues);
    return jdbc.execute((ConnectionCallback<Status>) connection -> {
      long seq;
      String contentHash;
      String previousHash;
      String entryHash;
      long recordedAt;
      try (PreparedStatement select = connection.prepareStatement("SELECT seq, content_hash, previous_hash, "
          + "entry_hash, recorded_at FROM integrity_entry WHERE record_table = ? AND record_key = ?")) {
        select.setString(1, table);
        select.setString(2, key);
        try (ResultSet entry = select.executeQuery()) {
          if (!entry.next()) {
            return Status.NOT_CHAINED;
          }
          seq = entry.getLong(1);
          contentHash = entry.getString(2);
          previousHash = entry.getString(3);
          entryHash = entry.getString(4);
          recordedAt = entry.getObject(5, OffsetDateTime.class).toInstant().toEpochMilli();
        }
      }
      String before = CanonicalRows.GENESIS;
      if (seq > 1) {
        try (PreparedStatement select = connection.prepareStatement(
            "SELECT entry_hash FROM integrity_entry WHERE seq = ?")) {
          select.setLong(1, seq - 1);
          try (ResultSet entry = select.executeQuery()) {
            before = entry.next() ? entry.getString(1) : null;
          }
        }
      }
      if (!entryHash.equals(CanonicalRows.entryHash(seq, table, key, contentHash, previousHash, recordedAt))
          || !previousHash.equals(before)) {
        return Status.CHANGED;
      }
      return CanonicalRows.hashOf(connection, chained, keyValues)
          .map(hash -> hash.equals(contentHash) ? Status.VERIFIED : Status.CHANGED)
          .orElse(Status.DELETED);
    });
  }

  private static ChainedTable registered(String table) {
    return ChainedTables.named(table)
        .orElseThrow(() -> new IllegalArgumentException(table + " is not in ChainedTables"));
  }
}
