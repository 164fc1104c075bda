package cn.gov.wuzhou.tolerance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.Nodes;
import cn.gov.wuzhou.tolerance.support.PostgresTestDatabase;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes as separate processes on one fresh PostgreSQL database. Cases are started on
 * node A and worked on node B; A is killed with SIGKILL while its job executor holds jobs; B finishes
 * every case once A's locks expire. Each case then has exactly one decision and one set of
 * protection notices, and the decision numbers run without gap or repeat.
 */
class ClusterIT {

  static final int CASES_BEFORE_KILL = 12;
  static final int CASES_DURING_KILL = 8;
  final Nodes nodes = new Nodes();
  String databaseUrl;

  @AfterEach
  void stopNodes() throws InterruptedException {
    nodes.stopAll();
  }

  @Test
  void survivorFinishesEveryCaseAfterTheOtherNodeIsKilled() throws Exception {
    String server = System.getProperty(PostgresTestDatabase.SERVER_URL);
    assumeTrue(server != null && !server.isBlank(), "runs in the postgres profile");
    databaseUrl = PostgresTestDatabase.create(server);
    int portA = Nodes.freePort();
    int portB = Nodes.freePort();
    Process nodeA = nodes.start("node-a", portA, databaseUrl, Map.of());
    Process nodeB = nodes.start("node-b", portB, databaseUrl, Map.of());
    nodes.awaitUp(portA, nodeA);
    nodes.awaitUp(portB, nodeB);
    assertStartedOnceBetweenThem();

    Rest onA = new Rest(portA);
    Rest onB = new Rest(portB);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    List<String> cases = Collections.synchronizedList(new ArrayList<>());
    ExecutorService clerks = Executors.newFixedThreadPool(4);
    for (int i = 0; i < CASES_BEFORE_KILL; i++) {
      Reply started = onA.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
          Rest.withVariables(CaseDriver.validReport(today)));
      assertThat(started.status()).isEqualTo(200);
      cases.add(started.text("id"));
    }
    List<Future<?>> starts = new ArrayList<>();
    for (int i = 0; i < CASES_DURING_KILL; i++) {
      starts.add(clerks.submit(() -> {
        try {
          Reply started = onA.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
              Rest.withVariables(CaseDriver.validReport(today)));
          if (started.status() == 200) {
            cases.add(started.text("id"));
          }
        } catch (RuntimeException nodeGone) {
          // node A was killed while this clerk was reporting: the report was not filed
        }
      }));
    }
    long orphaned = killWhileHoldingJobs(nodeA, "node-a");
    for (Future<?> start : starts) {
      start.get();
    }
    System.out.printf("node-a killed holding %d job locks; %d cases started on it%n", orphaned, cases.size());

    Desk desk = new Desk(onB, 120);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String id = cases.get(i);
      boolean tolerated = i % 4 != 0;
      work.add(clerks.submit(() -> workCase(desk, id, tolerated, today)));
    }
    for (Future<?> done : work) {
      done.get();
    }
    clerks.shutdown();
    for (String id : cases) {
      desk.awaitEnded("admin", id);
    }

    try (Connection db = connect()) {
      for (String id : cases) {
        assertThat(count(db, "SELECT COUNT(*) FROM decision WHERE process_instance_id = '" + id + "'"))
            .as("decisions of case %s", id).isEqualTo(1);
      }
      long tolerated = IntStream.range(0, cases.size()).filter(i -> i % 4 != 0).count();
      // six matters each: the officials hold none of the roles (党代表, 后备干部, 人大代表, 政协委员)
      assertThat(count(db, "SELECT COUNT(*) FROM protection_notice")).isEqualTo(6L * tolerated);
      assertThat(count(db, "SELECT COUNT(DISTINCT decision_no || matter) FROM protection_acknowledgement"))
          .isEqualTo(6L * tolerated);
      // a note is a new revision of its acknowledgement row: none whose latest revision still awaits its note
      assertThat(count(db, "SELECT COUNT(*) FROM protection_acknowledgement a WHERE a.acknowledged_on IS NULL"
          + " AND NOT EXISTS (SELECT 1 FROM protection_acknowledgement b WHERE b.decision_no = a.decision_no"
          + " AND b.matter = a.matter AND b.department = a.department AND b.revision > a.revision)")).isZero();
      List<Integer> numbers = new ArrayList<>();
      try (Statement statement = db.createStatement();
           ResultSet rows = statement.executeQuery("SELECT decision_no FROM decision ORDER BY decision_no")) {
        while (rows.next()) {
          String number = rows.getString(1);
          numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
        }
      }
      assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, cases.size()).boxed().toList());
      assertThat(count(db, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
    }
    // both nodes appended to one chain behind one head: it never forked
    Reply integrity = onB.get("admin", "/api/integrity");
    assertThat(integrity.body().path("intact").asBoolean()).as("%s", integrity.body()).isTrue();
  }

  private void workCase(Desk desk, String id, boolean tolerated, LocalDate today) {
    desk.acknowledgeAndCorrect(id, today);
    desk.work("wenze", "accountability-office", id, "reviewCase",
        tolerated ? CaseDriver.cleanFindings() : CaseDriver.findingsWith("subjectiveIntent", "true"));
    desk.work("wenze", "accountability-office", id, "proposeDetermination", Map.of());
    desk.work("party-secretary", "superior-party-committee", id, "approveDetermination", Map.of("approved", "true"));
    if (tolerated) {
      desk.work("zuzhi", "organization-dept", id, "confirmOfficialRoles", Map.of());
      desk.work("zuzhi", "organization-dept", id, "acknowledgeProtection", Map.of("protectionAcknowledged", true));
      desk.work("renshe", "hr-social-security", id, "acknowledgeProtection", Map.of("protectionAcknowledged", true));
      desk.work("jiwei", "discipline-inspection", id, "acknowledgeProtection", Map.of("protectionAcknowledged", true));
    } else {
      desk.work("wenze", "accountability-office", id, "handOverToAccountability", Map.of("handoverNote", "移交"));
    }
    desk.serveDecision("commerce-clerk", "unit-commerce", id, today);
  }

  /** Kills the node as soon as it holds a job lock (or after a while); returns the locks it left behind. */
  private long killWhileHoldingJobs(Process node, String name) throws Exception {
    try (Connection db = connect()) {
      long deadline = System.currentTimeMillis() + 30_000;
      String held = "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ = '" + name + "'";
      while (count(db, held) == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(2);
      }
      node.destroyForcibly().waitFor();
      return count(db, held);
    }
  }

  /** Both nodes started on the empty database at once: everything is there, and nothing twice. */
  private void assertStartedOnceBetweenThem() throws SQLException {
    try (Connection db = connect()) {
      assertThat(count(db, "SELECT COUNT(*) FROM act_id_user")).isEqualTo(19 + 6 + 3 + 6);
      assertThat(count(db, "SELECT COUNT(*) FROM act_id_group")).isEqualTo(16 + 10 * 7 + 2 + 6);
      assertThat(count(db, "SELECT COUNT(*) FROM act_ru_filter")).isEqualTo(3);
      assertThat(count(db, "SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'toleranceCase'")).isEqualTo(1);
      for (String scheduled : List.of("consultationSchedule", "integrityCheck")) {
        assertThat(count(db, "SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ = 'timer-start-event'"
            + " AND process_def_key_ = '" + scheduled + "'")).as(scheduled).isEqualTo(1);
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(databaseUrl, PostgresTestDatabase.user(), PostgresTestDatabase.password());
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
