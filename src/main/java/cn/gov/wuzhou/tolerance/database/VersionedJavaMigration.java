package cn.gov.wuzhou.tolerance.database;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration that states its version and description instead of taking them from a
 * {@code V4__name} class name; it runs in the migration's transaction and has no checksum.
 */
abstract class VersionedJavaMigration implements JavaMigration {

  private final MigrationVersion version;
  private final String description;

  VersionedJavaMigration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }
}
