package cn.gov.wuzhou.tolerance.integrity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The canonical content hash of a registry row as stored: SHA-256 over every non-null column, by lower-case column
 * name in alphabetical order, each as {@code name US value RS}. Values are written the same way on H2 and
 * PostgreSQL: numbers without trailing zeros, dates ISO, timestamps as UTC instants, booleans {@code true/false},
 * bytes by their SHA-256. A column added later with no value leaves the hashes of older rows as they were.
 */
public final class CanonicalRows {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private CanonicalRows() {}

  /** The hash of the row at the cursor. */
  public static String hash(ResultSet row) throws SQLException {
    ResultSetMetaData meta = row.getMetaData();
    Map<String, Integer> columns = new TreeMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
    }
    MessageDigest digest = sha256();
    for (Map.Entry<String, Integer> column : columns.entrySet()) {
      String value = value(row, column.getValue());
      if (value != null) {
        digest.update(column.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1f);
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1e);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The key of the row at the cursor: its key columns' values joined by {@code /}. */
  public static String key(ResultSet row, ChainedTable table) throws SQLException {
    List<String> values = new ArrayList<>();
    for (String column : table.keyColumns()) {
      values.add(value(row, row.findColumn(column)));
    }
    return String.join("/", values);
  }

  /** The key of a row given its key columns' values, as {@link #key(ResultSet, ChainedTable)} writes it. */
  public static String key(Object... keyValues) {
    List<String> values = new ArrayList<>();
    for (Object value : keyValues) {
      values.add(value.toString());
    }
    return String.join("/", values);
  }

  /** The content hash of the row with these key values, if it exists. */
  public static Optional<String> hashOf(Connection connection, ChainedTable table, Object... keyValues)
      throws SQLException {
    if (keyValues.length != table.keyColumns().size()) {
      throw new IllegalArgumentException(table.name() + " is keyed by " + table.keyColumns());
    }
    String where = String.join(" AND ", table.keyColumns().stream().map(column -> column + " = ?").toList());
    try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table.name() + " WHERE " + where)) {
      for (int i = 0; i < keyValues.length; i++) {
        select.setObject(i + 1, keyValues[i]);
      }
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(hash(row)) : Optional.empty();
      }
    }
  }

  /** The hash of an entry of the chain, over everything it holds. */
  public static String entryHash(long seq, String table, String key, String contentHash, String previousHash,
      long recordedAtMillis) {
    String canonical = String.join("\n", Long.toString(seq), table, key, contentHash, previousHash,
        Long.toString(recordedAtMillis));
    return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  private static String value(ResultSet row, int column) throws SQLException {
    ResultSetMetaData meta = row.getMetaData();
    String typeName = meta.getColumnTypeName(column).toLowerCase(Locale.ROOT);
    // PostgreSQL's driver reports timestamptz as TIMESTAMP; its type name tells them apart
    if (typeName.equals("timestamptz") || typeName.contains("with time zone")) {
      OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant().toString();
    }
    switch (meta.getColumnType(column)) {
      case Types.BOOLEAN, Types.BIT -> {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : Boolean.toString(value);
      }
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL, Types.REAL,
          Types.FLOAT, Types.DOUBLE -> {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.stripTrailingZeros().toPlainString();
      }
      case Types.DATE -> {
        LocalDate value = row.getObject(column, LocalDate.class);
        return value == null ? null : value.toString();
      }
      case Types.TIMESTAMP -> {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toString();
      }
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] value = row.getBytes(column);
        return value == null ? null : "sha256:" + HexFormat.of().formatHex(sha256().digest(value));
      }
      default -> {
        return row.getString(column);
      }
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
