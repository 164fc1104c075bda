package cn.gov.wuzhou.tolerance.database;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway owns the whole schema: the engine's tables first, then the registry's SQL migrations, then
 * planner statistics for PostgreSQL, the acknowledgements' revisions, the hash chain's backfill and PostgreSQL's
 * index of the grants task queries check.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

  @Bean
  FlywayConfigurationCustomizer camundaSchemaFirst() {
    return configuration -> configuration.javaMigrations(
        new CamundaSchemaMigration(), new AuthorizationStatisticsMigration(), new AcknowledgementRevisionsMigration(),
        new IntegrityBackfillMigration(), new TaskReadGrantsIndexMigration());
  }
}
