package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.integrity.IntegrityDigests;
import cn.gov.wuzhou.tolerance.integrity.IntegrityProperties;
import cn.gov.wuzhou.tolerance.integrity.IntegrityVerifier;
import cn.gov.wuzhou.tolerance.integrity.IntegrityVerifier.Report;
import cn.gov.wuzhou.tolerance.support.PostgresTestDatabase;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A registry written before the hash chain (up to V39): the migrations give the acknowledgements their revisions and
 * enter every record in the chain, which then verifies clean. On H2, and on PostgreSQL in the postgres profile.
 */
class IntegrityBackfillMigrationTest {

  @Test
  void recordsWrittenBeforeTheChainEnterItAndVerify() throws Exception {
    DataSource database = database();
    migrate(database, beforeTheChain(database));
    JdbcTemplate jdbc = new JdbcTemplate(database);
    LocalDate day = LocalDate.of(2025, 3, 4);
    jdbc.update("""
        INSERT INTO decision (decision_no, process_instance_id, unit_group, unit_name, official_id, official_name,
          official_position, official_category, work_category, circumstance, error_type, discovered_on, reported_on,
          prefiled, reported_timely, corrected_timely, complex_matter, recommendation, recommendation_basis,
          determination, basis, decided_on, acted_in_public_interest)
        VALUES ('WZRC-2025-0001', 'pi-1', 'unit-commerce', '市商务局', 'P001', '李明', '科长', 'PARTY_GOV_ORGAN',
          'RURAL_REVITALIZATION', 'KEY_WORK', 'DEVIATION', ?, ?, FALSE, TRUE, TRUE, FALSE, 'TOLERATE', '依据',
          'TOLERATE', '依据', ?, TRUE)""", day, day, day);
    jdbc.update("INSERT INTO protection_notice (decision_no, matter, official_id, official_name, issued_on)"
        + " VALUES ('WZRC-2025-0001', 'ANNUAL_ASSESSMENT', 'P001', '李明', ?)", day);
    // taken note of in place, as the registry did before
    jdbc.update("INSERT INTO protection_acknowledgement (decision_no, matter, department, acknowledged_by,"
        + " acknowledged_on) VALUES ('WZRC-2025-0001', 'ANNUAL_ASSESSMENT', 'ORGANIZATION', 'zuzhi', ?)", day);
    jdbc.update("INSERT INTO case_document (id, case_instance_id, process_instance_id, title, file_name, content_type,"
        + " size_bytes, sha256, uploaded_by, uploaded_at, content) VALUES ('d1', 'pi-1', 'pi-1', '情况说明', 'a.pdf',"
        + " 'application/pdf', 4, 'x', 'commerce-clerk', ?, ?)", OffsetDateTime.now(), new byte[] {1, 2, 3, 4});

    migrate(database, "latest");

    assertThat(jdbc.queryForList("SELECT record_table || ' ' || record_key FROM integrity_entry ORDER BY seq",
        String.class)).containsExactly("decision WZRC-2025-0001", "protection_notice WZRC-2025-0001/ANNUAL_ASSESSMENT",
        "protection_acknowledgement WZRC-2025-0001/ANNUAL_ASSESSMENT/ORGANIZATION/0", "case_document d1");
    Report report = verifier(database).verify();
    assertThat(report.intact()).as("%s", report.findings()).isTrue();
    assertThat(report.entries()).isEqualTo(4);

    // the revision is part of the key now: a note is a second row, not an update
    jdbc.update("INSERT INTO protection_acknowledgement (decision_no, matter, department, revision, acknowledged_by,"
        + " acknowledged_on) VALUES ('WZRC-2025-0001', 'ANNUAL_ASSESSMENT', 'ORGANIZATION', 1, 'zuzhi', ?)", day);
    assertThat(verifier(database).verify().first().key()).isEqualTo("WZRC-2025-0001/ANNUAL_ASSESSMENT/ORGANIZATION/1");
  }

  private static IntegrityVerifier verifier(DataSource database) throws Exception {
    Today today = mock(Today.class);
    when(today.date()).thenReturn(LocalDate.of(2025, 3, 5));
    when(today.now()).thenReturn(OffsetDateTime.now());
    IntegrityDigests digests = new IntegrityDigests(new IntegrityProperties(
        Files.createTempDirectory("digests").toString(), null));
    return new IntegrityVerifier(database, new DataSourceTransactionManager(database), digests, today);
  }

  private static void migrate(DataSource database, String target) {
    flyway(database, target).migrate();
  }

  // the chain comes with V40: the last migration below it, whichever the other migrations are
  private static String beforeTheChain(DataSource database) {
    return Arrays.stream(flyway(database, "latest").info().all()).map(MigrationInfo::getVersion)
        .filter(version -> version.compareTo(MigrationVersion.fromVersion("40")) < 0)
        .max(Comparator.naturalOrder()).orElseThrow().getVersion();
  }

  private static Flyway flyway(DataSource database, String target) {
    return Flyway.configure().dataSource(database).table("registry_schema_history").target(target)
        .javaMigrations(new CamundaSchemaMigration(), new AuthorizationStatisticsMigration(),
            new AcknowledgementRevisionsMigration(), new IntegrityBackfillMigration())
        .load();
  }

  private static DataSource database() {
    String server = System.getProperty(PostgresTestDatabase.SERVER_URL);
    if (server != null && !server.isBlank()) {
      return new DriverManagerDataSource(PostgresTestDatabase.create(server), PostgresTestDatabase.user(),
          PostgresTestDatabase.password());
    }
    return new DriverManagerDataSource("jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }
}
