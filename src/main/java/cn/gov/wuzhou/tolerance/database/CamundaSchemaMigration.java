package cn.gov.wuzhou.tolerance.database;

import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates the Camunda engine's tables with the engine's own scripts, as the first schema migration.
 * Flyway runs migrations under a database lock, so nodes starting together on one PostgreSQL database
 * create the schema once; the engine itself then only checks the schema version.
 */
public class CamundaSchemaMigration extends VersionedJavaMigration {

  // the order of the engine's own schema creation
  private static final List<String> PARTS = List.of(
      "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

  public CamundaSchemaMigration() {
    super("0.1", "Camunda engine schema");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String database = databaseType(connection.getMetaData().getDatabaseProductName());
    for (String part : PARTS) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(
          "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql"));
    }
  }

  private static String databaseType(String productName) {
    return switch (productName) {
      case "H2" -> "h2";
      case "PostgreSQL" -> "postgres";
      default -> throw new IllegalStateException(
          "Unsupported database " + productName + ": this system runs on H2 or PostgreSQL");
    };
  }
}
