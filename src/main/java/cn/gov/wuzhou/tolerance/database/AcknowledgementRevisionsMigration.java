package cn.gov.wuzhou.tolerance.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * Acknowledgements of protection notices are no longer updated in place: a body's note becomes a new revision of
 * the row (revision 0 is the row written with the notice). The primary key gains the revision; the constraint's
 * name differs between H2 and PostgreSQL, so it is looked up.
 */
public class AcknowledgementRevisionsMigration extends VersionedJavaMigration {

  public AcknowledgementRevisionsMigration() {
    super("41", "protection acknowledgement revisions");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      String primaryKey;
      try (ResultSet row = statement.executeQuery("SELECT constraint_name FROM information_schema.table_constraints"
          + " WHERE LOWER(table_name) = 'protection_acknowledgement' AND constraint_type = 'PRIMARY KEY'")) {
        row.next();
        primaryKey = row.getString(1);
      }
      statement.execute("ALTER TABLE protection_acknowledgement ADD COLUMN revision INTEGER DEFAULT 0 NOT NULL");
      statement.execute("ALTER TABLE protection_acknowledgement DROP CONSTRAINT " + primaryKey);
      statement.execute("ALTER TABLE protection_acknowledgement ADD CONSTRAINT protection_acknowledgement_pkey"
          + " PRIMARY KEY (decision_no, matter, department, revision)");
    }
  }
}
