package cn.gov.wuzhou.tolerance.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Appends one entry to the chain on a connection inside a transaction. The head row stays locked until the
 * transaction ends, so writers on every node of a cluster queue up behind one head and the chain never forks;
 * a transaction that rolls back leaves neither its record nor its entry.
 */
public final class ChainWriter {

  private ChainWriter() {}

  public static void append(Connection connection, String table, String key, String contentHash) throws SQLException {
    long lastSeq;
    String lastHash;
    try (PreparedStatement head = connection.prepareStatement(
        "SELECT last_seq, last_hash FROM integrity_head WHERE id = 1 FOR UPDATE");
         ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("integrity_head has no row: migration V40 did not run");
      }
      lastSeq = row.getLong(1);
      lastHash = row.getString(2);
    }
    long seq = lastSeq + 1;
    long recordedAt = Instant.now().toEpochMilli();
    String entryHash = CanonicalRows.entryHash(seq, table, key, contentHash, lastHash, recordedAt);
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO integrity_entry (seq, record_table, record_key, content_hash, previous_hash, entry_hash, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      insert.setLong(1, seq);
      insert.setString(2, table);
      insert.setString(3, key);
      insert.setString(4, contentHash);
      insert.setString(5, lastHash);
      insert.setString(6, entryHash);
      insert.setObject(7, OffsetDateTime.ofInstant(Instant.ofEpochMilli(recordedAt), ZoneOffset.UTC));
      insert.executeUpdate();
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE integrity_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
      update.setLong(1, seq);
      update.setString(2, entryHash);
      update.executeUpdate();
    }
  }
}
