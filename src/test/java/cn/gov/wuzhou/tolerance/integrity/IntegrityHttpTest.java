package cn.gov.wuzhou.tolerance.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.integrity.IntegrityVerifier.Finding;
import cn.gov.wuzhou.tolerance.integrity.IntegrityVerifier.Problem;
import cn.gov.wuzhou.tolerance.integrity.IntegrityVerifier.Report;
import cn.gov.wuzhou.tolerance.registry.DeploymentArchive;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's hash chain as an administrator and the city's 纪委监委 check it: a tolerated case with a document
 * enters the chain as it is written; a decision changed through SQL, a notice deleted and a chain rewritten with
 * recomputed hashes are each named. Every test puts the database back as it found it and sees the chain clean again.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityHttpTest {

  @LocalServerPort int port;
  @Autowired Today today;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IntegrityDigests digests;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired IntegrityVerifier verifier;
  @Autowired DeploymentArchive archive;
  Rest rest;
  String caseId;
  String decisionNo;
  String documentId;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
  }

  @BeforeAll
  void toleratedCaseWithADocument() {
    rest = new Rest(port);
    Desk desk = new Desk(rest);
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseDriver.validReport(today.date())));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    caseId = started.text("id");
    Reply added = rest.upload("commerce-clerk", "/api/cases/" + caseId + "/documents",
        new FilePart("情况说明.pdf", "application/pdf", pdf()), Map.of("title", "情况说明"));
    assertThat(added.status()).as("upload: %s", added.body()).isEqualTo(201);
    documentId = added.text("id");
    desk.acknowledgeAndCorrect(caseId, today.date());
    desk.tolerateAndServe(caseId, today.date());
    decisionNo = jdbc.queryForObject("SELECT decision_no FROM decision WHERE process_instance_id = ?", String.class,
        caseId);
  }

  @Test
  void everyRecordOfTheCaseIsInTheChainAndVerified() {
    Reply report = rest.get("admin", "/api/integrity");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body().path("intact").asBoolean()).as("%s", report.body()).isTrue();
    assertThat(report.body().path("first").isNull()).isTrue();
    long chained = jdbc.queryForObject("SELECT COUNT(*) FROM integrity_entry", Long.class);
    assertThat(report.body().path("entries").asLong()).isEqualTo(chained);
    assertThat(entries("decision", decisionNo)).isEqualTo(1);
    assertThat(entries("case_document", documentId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integrity_entry WHERE record_table = 'protection_notice'"
        + " AND record_key LIKE ?", Long.class, decisionNo + "/%")).as("six matters: the official holds no role")
        .isEqualTo(6);

    JsonNode records = rest.get("zuzhi", "/api/cases/" + caseId).body().path("records");
    List<String> tables = new ArrayList<>();
    records.forEach(record -> {
      tables.add(record.path("table").asText());
      assertThat(record.path("statusLabel").asText()).as("%s", record).isEqualTo("已核验");
    });
    assertThat(tables).contains("decision", "protection_notice", "protection_acknowledgement", "case_document");
  }

  @Test
  void aRecordEntersTheChainAtCommitAndAnOpenTransactionDoesNotHoldTheHead() {
    byte[] bpmn = "<definitions/>".getBytes(StandardCharsets.UTF_8);
    String open = "chain-open-" + UUID.randomUUID();
    String committed = "chain-committed-" + UUID.randomUUID();
    CompletableFuture<Void> other = new CompletableFuture<>();
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      archive.archive(open, "open", "test", "admin", new Date(), "a.bpmn", bpmn);
      archive.archive(open, "open", "test", "admin", new Date(), "b.bpmn", bpmn);
      assertThat(entries("deployment_archive", open + "/a.bpmn")).as("written at commit, not before").isZero();
      // a second clerk's transaction appends and commits while this one is still open
      new Thread(() -> {
        try {
          new TransactionTemplate(transactionManager).executeWithoutResult(inner ->
              archive.archive(committed, "committed", "test", "admin", new Date(), "c.bpmn", bpmn));
          other.complete(null);
        } catch (RuntimeException e) {
          other.completeExceptionally(e);
        }
      }).start();
      assertThat(other).as("the other transaction committed meanwhile").succeedsWithin(Duration.ofSeconds(20));
      status.setRollbackOnly();
    });
    assertThat(entries("deployment_archive", committed + "/c.bpmn")).isEqualTo(1);
    assertThat(entries("deployment_archive", open + "/a.bpmn") + entries("deployment_archive", open + "/b.bpmn"))
        .as("rolled back: neither record nor entry").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deployment_archive WHERE deployment_id = ?", Long.class,
        open)).isZero();
    assertClean();
  }

  @Test
  void acknowledgementsAreNewRevisionsNeverUpdatesInPlace() {
    // every note the three bodies took is revision 1 of a row whose revision 0 still awaits it, as written
    long awaiting = jdbc.queryForObject("SELECT COUNT(*) FROM protection_acknowledgement WHERE decision_no = ?"
        + " AND revision = 0 AND acknowledged_on IS NULL", Long.class, decisionNo);
    long notes = jdbc.queryForObject("SELECT COUNT(*) FROM protection_acknowledgement WHERE decision_no = ?"
        + " AND revision = 1 AND acknowledged_by IS NOT NULL", Long.class, decisionNo);
    assertThat(notes).isEqualTo(awaiting).isPositive();
    JsonNode notices = rest.get("zuzhi", "/api/protections?officialId=" + jdbc.queryForObject(
        "SELECT official_id FROM decision WHERE decision_no = ?", String.class, decisionNo)).body().path("items");
    notices.forEach(notice -> notice.path("acknowledgements").forEach(
        note -> assertThat(note.path("on").asText()).as("%s", notice).isNotBlank()));
  }

  @Test
  void onlyAdministratorsAndTheCitysCommissionMayVerify() {
    assertThat(rest.get("jiwei", "/api/integrity").status()).isEqualTo(200);
    for (String user : List.of("commerce-clerk", "zuzhi", "wenze", "tengxian-clerk")) {
      Reply refused = rest.get(user, "/api/integrity");
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.text("message")).contains("系统管理员和市纪委监委");
      assertThat(rest.get(user, "/api/integrity/digest").status()).as(user).isEqualTo(403);
    }
    assertThat(rest.get(null, "/api/integrity").status()).isEqualTo(401);
  }

  @Test
  void aDecisionsResultChangedThroughSqlIsNamed() {
    jdbc.update("UPDATE decision SET determination = 'MITIGATE' WHERE decision_no = ?", decisionNo);
    try {
      JsonNode first = failed();
      assertThat(first.path("problem").asText()).isEqualTo("CHANGED");
      assertThat(first.path("table").asText()).isEqualTo("decision");
      assertThat(first.path("key").asText()).isEqualTo(decisionNo);
      assertThat(first.path("message").asText()).contains("认定决定 " + decisionNo).contains("与存证不符");
      JsonNode decision = recordOf("decision", decisionNo);
      assertThat(decision.path("statusLabel").asText()).isEqualTo("与存证不符");
    } finally {
      jdbc.update("UPDATE decision SET determination = 'TOLERATE' WHERE decision_no = ?", decisionNo);
    }
    assertClean();
  }

  @Test
  void aDeletedNoticeIsNamed() {
    String matter = jdbc.queryForObject("SELECT MIN(matter) FROM protection_notice WHERE decision_no = ?",
        String.class, decisionNo);
    List<Map<String, Object>> notes = jdbc.queryForList(
        "SELECT * FROM protection_acknowledgement WHERE decision_no = ? AND matter = ?", decisionNo, matter);
    Map<String, Object> notice = jdbc.queryForMap(
        "SELECT * FROM protection_notice WHERE decision_no = ? AND matter = ?", decisionNo, matter);
    jdbc.update("DELETE FROM protection_acknowledgement WHERE decision_no = ? AND matter = ?", decisionNo, matter);
    jdbc.update("DELETE FROM protection_notice WHERE decision_no = ? AND matter = ?", decisionNo, matter);
    try {
      JsonNode first = failed();
      assertThat(first.path("problem").asText()).isEqualTo("DELETED");
      assertThat(first.path("table").asText()).isEqualTo("protection_notice");
      assertThat(first.path("key").asText()).isEqualTo(decisionNo + "/" + matter);
      assertThat(first.path("message").asText()).contains("结果运用通知").contains("已被删除");
    } finally {
      new SimpleJdbcInsert(jdbc).withTableName("protection_notice").execute(notice);
      notes.forEach(note -> new SimpleJdbcInsert(jdbc).withTableName("protection_acknowledgement").execute(note));
    }
    assertClean();
  }

  @Test
  void aRowInsertedPastTheRegistryIsNamed() throws Exception {
    String id = "forged-" + System.nanoTime();
    jdbc.update("INSERT INTO case_document (id, case_instance_id, process_instance_id, title, file_name, content_type,"
        + " size_bytes, sha256, uploaded_by, uploaded_at, content) VALUES (?, ?, ?, '伪造', 'x.pdf', 'application/pdf',"
        + " 4, 'x', 'admin', ?, ?)", id, caseId, caseId, OffsetDateTime.now(), "%PDF".getBytes(StandardCharsets.US_ASCII));
    try {
      JsonNode first = failed();
      assertThat(first.path("problem").asText()).isEqualTo("NOT_IN_CHAIN");
      assertThat(first.path("key").asText()).isEqualTo(id);
    } finally {
      jdbc.update("DELETE FROM case_document WHERE id = ?", id);
    }
    assertClean();
  }

  @Test
  void aRewrittenChainIsCaughtAgainstTheDaysDigest() throws Exception {
    runDailyCheck();
    assertThat(Files.list(digests.directory()).toList()).isNotEmpty();
    // rewritten and verified in one transaction that is then rolled back: the jobs of other cases, which append to
    // the same chain meanwhile, wait for the head and never build on the rewritten chain
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      jdbc.update("UPDATE decision SET determination = 'MITIGATE' WHERE decision_no = ?", decisionNo);
      rewriteChainFrom("decision", decisionNo);
      Report report = verifier.verify();
      status.setRollbackOnly();

      assertThat(report.intact()).isFalse();
      // the chain agrees with itself and with the tables: only the digest kept outside the database tells
      assertThat(report.findings()).extracting(Finding::problem).containsOnly(Problem.DIGEST_MISMATCH);
      assertThat(report.first().message()).contains(today.date().toString()).contains("存证链已被改写");
    });
    assertClean();
  }

  @Test
  void theDailyCheckRaisesAnIncidentNamingTheRecord() {
    String basis = jdbc.queryForObject("SELECT basis FROM decision WHERE decision_no = ?", String.class, decisionNo);
    jdbc.update("UPDATE decision SET basis = '依据已被改写' WHERE decision_no = ?", decisionNo);
    try {
      String instance = runtimeService.startProcessInstanceByKey("integrityCheck").getId();
      Incident incident = failUntilIncident(instance);
      assertThat(incident.getIncidentMessage()).contains("存证链核验不符").contains(decisionNo);
      assertThat(incident.getActivityId()).isEqualTo("verifyIntegrityChain");
      runtimeService.deleteProcessInstance(instance, "test");
    } finally {
      jdbc.update("UPDATE decision SET basis = ? WHERE decision_no = ?", basis, decisionNo);
    }
    assertClean();
  }

  /** What someone with the database password would do to hide a change: recompute every hash from the record on. */
  private void rewriteChainFrom(String table, String key) {
    jdbc.execute((ConnectionCallback<Void>) connection -> {
      connection.createStatement().execute("SELECT last_seq FROM integrity_head FOR UPDATE");
      long from = jdbc.queryForObject("SELECT seq FROM integrity_entry WHERE record_table = ? AND record_key = ?",
          Long.class, table, key);
      String previous = jdbc.queryForObject("SELECT previous_hash FROM integrity_entry WHERE seq = ?", String.class, from);
      try (PreparedStatement select = connection.prepareStatement("SELECT seq, record_table, record_key, content_hash,"
          + " recorded_at FROM integrity_entry WHERE seq >= ? ORDER BY seq")) {
        select.setLong(1, from);
        try (ResultSet entry = select.executeQuery()) {
          while (entry.next()) {
            long seq = entry.getLong(1);
            String content = seq == from
                ? CanonicalRows.hashOf(connection, ChainedTables.named(table).orElseThrow(), key).orElseThrow()
                : entry.getString(4);
            String hash = CanonicalRows.entryHash(seq, entry.getString(2), entry.getString(3), content, previous,
                entry.getObject(5, OffsetDateTime.class).toInstant().toEpochMilli());
            jdbc.update("UPDATE integrity_entry SET content_hash = ?, previous_hash = ?, entry_hash = ? WHERE seq = ?",
                content, previous, hash, seq);
            previous = hash;
          }
        }
      }
      jdbc.update("UPDATE integrity_head SET last_hash = ?", previous);
      return null;
    });
  }

  // the job executor runs the check as it would at 01:30
  private void runDailyCheck() {
    String instance = runtimeService.startProcessInstanceByKey("integrityCheck").getId();
    Rest.await("the daily check", () ->
        runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
  }

  private Incident failUntilIncident(String instance) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
      if (incident != null) {
        return incident;
      }
      Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the check fails the job (or the job executor ran it at the same moment); its retries run out
      }
    }
    throw new AssertionError("no incident after the job's retries");
  }

  private JsonNode failed() {
    Reply report = rest.get("admin", "/api/integrity");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body().path("intact").asBoolean()).as("%s", report.body()).isFalse();
    return report.body().path("first");
  }

  private void assertClean() {
    Reply report = rest.get("admin", "/api/integrity");
    assertThat(report.body().path("intact").asBoolean()).as("%s", report.body()).isTrue();
  }

  private JsonNode recordOf(String table, String key) {
    for (JsonNode record : rest.get("admin", "/api/cases/" + caseId).body().path("records")) {
      if (record.path("table").asText().equals(table) && record.path("key").asText().equals(key)) {
        return record;
      }
    }
    throw new AssertionError(table + " " + key + " not in the case file");
  }

  private long entries(String table, String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM integrity_entry WHERE record_table = ? AND record_key = ?",
        Long.class, table, key);
  }

  private static byte[] pdf() {
    return ("%PDF-1.7\n" + " ".repeat(200) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }
}
