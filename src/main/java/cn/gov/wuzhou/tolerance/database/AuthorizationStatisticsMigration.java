package cn.gov.wuzhou.tolerance.database;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL 14+: statistics on the permission bits the task list checks. Every task query of a clerk
 * joins the authorizations with {@code PERMS_ & ? = ?}; without statistics on that expression the
 * planner guesses a few dozen matching rows where there is one per open task, and compares every task
 * with every authorization (本机构待办 count with 10,000 open cases: 6.8 s; with them, and custom plans
 * as {@link PostgresSessionSettings} asks for: 0.13 s). H2 and older PostgreSQL: nothing to do.
 */
public class AuthorizationStatisticsMigration extends VersionedJavaMigration {

  public AuthorizationStatisticsMigration() {
    super("4", "authorization permission statistics");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
        || connection.getMetaData().getDatabaseMajorVersion() < 14) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      // READ (2) on a task, READ_TASK (64) on its process definition: the two checks of a task query
      statement.execute("CREATE STATISTICS ACT_STAT_AUTH_PERM_READ ON (PERMS_ & 2) FROM ACT_RU_AUTHORIZATION");
      statement.execute("CREATE STATISTICS ACT_STAT_AUTH_PERM_READ_TASK ON (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION");
      statement.execute("ANALYZE ACT_RU_AUTHORIZATION");
    }
  }
}
