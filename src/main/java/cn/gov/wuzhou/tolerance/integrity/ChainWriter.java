package cn.gov.wuzhou.tolerance.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Appends entries to the chain on a connection inside a transaction. The head row stays locked until the
 * transaction ends, so writers on every node of a cluster queue up behind one head and the chain never forks;
 * a transaction that rolls back leaves neither its records nor their entries.
 */
public final class ChainWriter {

  /** One record to chain: its table, key and content hash. */
  public record Entry(String table, String key, String contentHash) {}

  private ChainWriter() {}

  public static void append(Connection connection, String table, String key, String contentHash) throws SQLException {
    append(connection, List.of(new Entry(table, key, contentHash)));
  }

  /** Appends the entries in their order under one lock of the head. */
  public static void append(Connection connection, List<Entry> entries) throws SQLException {
    long seq;
    String previousHash;
    try (PreparedStatement head = connection.prepareStatement(
        "SELECT last_seq, last_hash FROM integrity_head WHERE id = 1 FOR UPDATE");
         ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("integrity_head has no row: migration V40 did not run");
      }
      seq = row.getLong(1);
      previousHash = row.getString(2);
    }
    long recordedAt = Instant.now().toEpochMilli();
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO integrity_entry (seq, record_table, record_key, content_hash, previous_hash, entry_hash, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      for (Entry entry : entries) {
        seq++;
        String entryHash = CanonicalRows.entryHash(seq, entry.table(), entry.key(), entry.contentHash(), previousHash,
            recordedAt);
        insert.setLong(1, seq);
        insert.setString(2, entry.table());
        insert.setString(3, entry.key());
        insert.setString(4, entry.contentHash());
        insert.setString(5, previousHash);
        insert.setString(6, entryHash);
        insert.setObject(7, OffsetDateTime.ofInstant(Instant.ofEpochMilli(recordedAt), ZoneOffset.UTC));
        insert.addBatch();
        previousHash = entryHash;
      }
      insert.executeBatch();
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE integrity_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
      update.setLong(1, seq);
      update.setString(2, previousHash);
      update.executeUpdate();
    }
  }
}
