package cn.gov.wuzhou.tolerance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.PostgresTestDatabase;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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
  static final long STARTUP_MILLIS = 180_000;

  final List<Process> nodes = new ArrayList<>();
  String databaseUrl;

  @AfterEach
  void stopNodes() {
    nodes.forEach(Process::destroyForcibly);
  }

  @Test
  void survivorFinishesEveryCaseAfterTheOtherNodeIsKilled() throws Exception {
    String server = System.getProperty(PostgresTestDatabase.SERVER_URL);
    assumeTrue(server != null && !server.isBlank(), "runs in the postgres profile");
    databaseUrl = PostgresTestDatabase.create(server);
    int portA = freePort();
    int portB = freePort();
    Process nodeA = start("node-a", portA);
    Process nodeB = start("node-b", portB);
    awaitUp(portA, nodeA);
    awaitUp(portB, nodeB);
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
      assertThat(count(db, "SELECT COUNT(*) FROM protection_notice")).isEqualTo(8L * tolerated);
      assertThat(count(db, "SELECT COUNT(DISTINCT decision_no || matter) FROM protection_acknowledgement"))
          .isEqualTo(8L * tolerated);
      assertThat(count(db, "SELECT COUNT(*) FROM protection_acknowledgement WHERE acknowledged_on IS NULL")).isZero();
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
  }

  private void workCase(Desk desk, String id, boolean tolerated, LocalDate today) {
    desk.acknowledgeAndCorrect(id, today);
    desk.work("wenze", "accountability-office", id, "reviewCase",
        tolerated ? CaseDriver.cleanFindings() : CaseDriver.findingsWith("subjectiveIntent", "true"));
    desk.work("wenze", "accountability-office", id, "proposeDetermination", Map.of());
    desk.work("party-secretary", "superior-party-committee", id, "approveDetermination", Map.of("approved", "true"));
    if (tolerated) {
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
      assertThat(count(db, "SELECT COUNT(*) FROM act_id_user")).isEqualTo(19);
      assertThat(count(db, "SELECT COUNT(*) FROM act_id_group")).isEqualTo(15 + 4 * 7);
      assertThat(count(db, "SELECT COUNT(*) FROM act_ru_filter")).isEqualTo(3);
      assertThat(count(db, "SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'toleranceCase'")).isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ = 'timer-start-event'")).isEqualTo(1);
    }
  }

  private Process start(String name, int port) throws IOException {
    Path log = Path.of("target", "cluster-" + name + ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", applicationJar(), "--server.port=" + port, "--tolerance.node-name=" + name)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("SPRING_DATASOURCE_URL", databaseUrl);
    builder.environment().put("SPRING_DATASOURCE_USERNAME", PostgresTestDatabase.user());
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", PostgresTestDatabase.password());
    Process process = builder.start();
    nodes.add(process);
    return process;
  }

  private static void awaitUp(int port, Process process) throws InterruptedException {
    Rest rest = new Rest(port);
    long deadline = System.currentTimeMillis() + STARTUP_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      assertThat(process.isAlive()).as("node on port %d is running (see target/cluster-*.log)", port).isTrue();
      try {
        if (rest.get("admin", "/engine-rest/user/count").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // connection refused while the node starts
      }
      Thread.sleep(500);
    }
    throw new AssertionError("node on port " + port + " did not start");
  }

  private static String applicationJar() throws IOException {
    try (var jars = Files.list(Path.of("target"))) {
      return jars.map(Path::toString)
          .filter(name -> name.endsWith(".jar") && name.contains("tolerance-"))
          .findFirst().map(name -> new File(name).getAbsolutePath())
          .orElseThrow(() -> new IllegalStateException("no application jar in target/: run mvn package first"));
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
