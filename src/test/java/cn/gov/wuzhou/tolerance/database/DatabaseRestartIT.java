package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.wuzhou.tolerance.bench.CaseScripts;
import cn.gov.wuzhou.tolerance.bench.CaseScripts.Step;
import cn.gov.wuzhou.tolerance.bench.CaseScripts.Type;
import cn.gov.wuzhou.tolerance.support.Nodes;
import cn.gov.wuzhou.tolerance.support.PostgresTestDatabase;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import cn.gov.wuzhou.tolerance.support.ScratchPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under load: 16 clerks work their cases over REST on the packaged application while the
 * database (a server of the test's own, never the shared one) is stopped for a few seconds and started again.
 * During the outage requests answer 503 with a Chinese message within seconds — never 500, never a hung
 * connection; the node serves again within 30 s of the database's return without being touched; every case then
 * ends with exactly one decision, numbered without gap or repeat, and no job became an incident.
 */
class DatabaseRestartIT {

  static final int CLERKS = 16;
  static final long OUTAGE_MILLIS = 6_000;
  static final long MAX_REQUEST_MILLIS = 15_000;

  final Nodes nodes = new Nodes();
  ScratchPostgres postgres;

  @AfterEach
  void stop() throws Exception {
    nodes.stopAll();
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void requestsDuringTheOutageGet503AndEveryCaseEndsOnceAfterwards() throws Exception {
    String shared = System.getProperty(PostgresTestDatabase.SERVER_URL);
    assumeTrue(shared != null && !shared.isBlank(), "runs in the postgres profile");
    postgres = ScratchPostgres.start();
    String database = postgres.database("tolerance");
    Rest rest = nodes.startAndAwait("restart", database);
    Log log = new Log();

    List<String> cases = new ArrayList<>();
    for (int i = 0; i < CLERKS; i++) {
      Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
          Rest.withVariables(CaseScripts.report("restart", i)));
      assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
      cases.add(started.text("id"));
    }
    ExecutorService clerks = Executors.newFixedThreadPool(CLERKS);
    List<Future<?>> work = new ArrayList<>();
    for (String caseId : cases) {
      work.add(clerks.submit(() -> {
        for (Step step : CaseScripts.steps(Type.TOLERATED)) {
          workStep(rest, log, caseId, step);
        }
        return null;
      }));
    }

    Thread.sleep(3_000);
    postgres.stopServer();
    long stopped = System.currentTimeMillis();
    // what a clerk gets while the database is down: 503 in Chinese, soon
    while (System.currentTimeMillis() - stopped < OUTAGE_MILLIS) {
      Reply reply = log.call(() -> rest.get("commerce-clerk", "/engine-rest/task?processInstanceId=" + cases.get(0)));
      assertThat(reply.status()).as("during the outage: %s", reply.body()).isEqualTo(503);
      assertThat(reply.text("message")).contains("数据库暂时无法连接");
      Reply api = log.call(() -> rest.get("jiwei", "/api/stats"));
      assertThat(api.status()).as("during the outage: %s", api.body()).isEqualTo(503);
      assertThat(api.text("message")).contains("数据库暂时无法连接");
    }
    postgres.startServer();
    long back = System.currentTimeMillis();
    while (log.call(() -> rest.get("jiwei", "/api/stats")).status() != 200) {
      assertThat(System.currentTimeMillis() - back).as("recovered within 30 s").isLessThan(30_000);
      Thread.sleep(200);
    }
    System.out.printf("database down %d ms; the node served again %d ms after it was back%n", back - stopped,
        System.currentTimeMillis() - back);

    for (Future<?> done : work) {
      done.get();
    }
    clerks.shutdown();
    for (String caseId : cases) {
      Rest.await("case " + caseId + " ends", 120, () -> "COMPLETED".equals(
          rest.get("admin", "/engine-rest/history/process-instance/" + caseId).text("state")));
    }

    assertThat(log.statuses).as("no request answered 500").doesNotContain(500);
    assertThat(log.statuses).contains(503);
    assertThat(log.slowest.get()).as("slowest request, ms").isLessThan(MAX_REQUEST_MILLIS);
    try (Connection db = DriverManager.getConnection(database, PostgresTestDatabase.user(), "")) {
      for (String caseId : cases) {
        assertThat(count(db, "SELECT COUNT(*) FROM decision WHERE process_instance_id = '" + caseId + "'"))
            .as("decisions of %s", caseId).isEqualTo(1);
      }
      List<Integer> numbers = new ArrayList<>();
      try (Statement statement = db.createStatement();
           ResultSet rows = statement.executeQuery("SELECT decision_no FROM decision ORDER BY decision_no")) {
        while (rows.next()) {
          String number = rows.getString(1);
          numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
        }
      }
      assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, CLERKS).boxed().toList());
      assertThat(count(db, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
    }
    Reply integrity = rest.get("admin", "/api/integrity");
    assertThat(integrity.body().path("intact").asBoolean()).as("%s", integrity.body()).isTrue();
  }

  /**
   * A clerk's step as a person would do it through an outage: find the task, claim it, complete it; on 503 wait and
   * try again. A completion whose answer was lost is done if the task is gone.
   */
  private static void workStep(Rest rest, Log log, String caseId, Step step) throws InterruptedException {
    String query = "/engine-rest/task?processInstanceId=" + caseId + "&taskDefinitionKey=" + step.taskKey()
        // a claim whose completion was cut off by the outage leaves the task assigned: still this clerk's to complete
        + "&candidateGroup=" + step.clerk().group() + "&includeAssignedTasks=true";
    String user = step.clerk().user();
    long deadline = System.currentTimeMillis() + 180_000;
    String taskId = null;
    while (System.currentTimeMillis() < deadline) {
      Thread.sleep(150);
      Reply found = log.call(() -> rest.get(user, query));
      if (found.status() != 200) {
        continue;
      }
      JsonNode tasks = found.body();
      if (tasks.isEmpty()) {
        if (taskId != null) {
          return; // completed, though the answer was lost in the outage
        }
        continue; // not there yet: the jobs before it are still running
      }
      taskId = tasks.get(0).path("id").asText();
      String id = taskId;
      Reply claimed = log.call(() -> rest.post(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user)));
      if (claimed.status() != 204) {
        continue;
      }
      Reply completed = log.call(() -> rest.post(user, "/engine-rest/task/" + id + "/submit-form",
          Rest.withVariables(step.form())));
      if (completed.status() == 204) {
        return;
      }
    }
    throw new AssertionError(step.taskKey() + " of " + caseId + " could not be worked");
  }

  /** Every answer's status and the slowest answer, across the clerks. */
  static final class Log {

    final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    final AtomicLong slowest = new AtomicLong();

    Reply call(java.util.function.Supplier<Reply> request) {
      long start = System.currentTimeMillis();
      Reply reply = request.get();
      slowest.accumulateAndGet(System.currentTimeMillis() - start, Math::max);
      statuses.add(reply.status());
      return reply;
    }
  }

  private static long count(Connection db, String sql) throws Exception {
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
