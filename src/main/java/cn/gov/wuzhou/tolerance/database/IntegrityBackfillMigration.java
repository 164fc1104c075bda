package cn.gov.wuzhou.tolerance.database;

import cn.gov.wuzhou.tolerance.integrity.CanonicalRows;
import cn.gov.wuzhou.tolerance.integrity.ChainWriter;
import cn.gov.wuzhou.tolerance.integrity.ChainedTable;
import cn.gov.wuzhou.tolerance.integrity.ChainedTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.Context;

/**
 * Enters the records written before the chain existed, table by table in key order, hashed as the application
 * hashes them ({@link CanonicalRows}). A chained table that a later migration creates has no rows to enter here.
 */
public class IntegrityBackfillMigration extends VersionedJavaMigration {

  public IntegrityBackfillMigration() {
    super("42", "registry records into the hash chain");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    for (ChainedTable table : ChainedTables.ALL) {
      if (!exists(connection, table.name())) {
        continue;
      }
      Map<String, String> hashes = new LinkedHashMap<>();
      try (Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery("SELECT * FROM " + table.name() + " ORDER BY "
               + String.join(", ", table.keyColumns()))) {
        while (rows.next()) {
          hashes.put(CanonicalRows.key(rows, table), CanonicalRows.hash(rows));
        }
      }
      for (Map.Entry<String, String> row : hashes.entrySet()) {
        ChainWriter.append(connection, table.name(), row.getKey(), row.getValue());
      }
    }
  }

  private static boolean exists(Connection connection, String table) throws Exception {
    try (Statement statement = connection.createStatement();
         ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
             + " WHERE LOWER(table_name) = '" + table + "'")) {
      row.next();
      return row.getInt(1) > 0;
    }
  }
}
