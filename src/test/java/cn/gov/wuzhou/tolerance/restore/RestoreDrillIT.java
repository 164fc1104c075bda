package cn.gov.wuzhou.tolerance.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.wuzhou.tolerance.bench.CaseScripts;
import cn.gov.wuzhou.tolerance.bench.CaseScripts.Step;
import cn.gov.wuzhou.tolerance.bench.CaseScripts.Type;
import cn.gov.wuzhou.tolerance.prefiling.Plans;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.Nodes;
import cn.gov.wuzhou.tolerance.support.PostgresTestDatabase;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The backup and restore drill of the README, on PostgreSQL with the packaged application: cases wait at every step
 * of a tolerated case, at an 一事一议 opinion and at a pre-filing's review, one with its supervision timer pending and
 * each with a document; {@code ops/backup.sh} takes the backup while the node runs; {@code ops/restore.sh} restores
 * it into a new database, and a fresh node on it finishes every case from where it stood: the timer fires, the
 * numbers continue without gap or repeat, every document downloads with the hash it was uploaded with, and the hash
 * chain verifies clean.
 */
class RestoreDrillIT {

  static final Path WORK = Path.of("target", "restore-drill");

  final Nodes nodes = new Nodes();

  @AfterEach
  void stopNodes() throws InterruptedException {
    nodes.stopAll();
  }

  @Test
  void aRestoredBackupContinuesEveryCaseFromWhereItStood() throws Exception {
    String server = System.getProperty(PostgresTestDatabase.SERVER_URL);
    assumeTrue(server != null && !server.isBlank(), "runs in the postgres profile");
    Files.createDirectories(WORK);
    String original = PostgresTestDatabase.create(server);
    Rest before = nodes.startAndAwait("drill-before", original);
    Desk desk = new Desk(before, 120);

    // a tolerated case waiting at each of its steps, and a complex one at its 一事一议 opinions
    List<Step> tolerated = CaseScripts.steps(Type.TOLERATED);
    List<Step> complex = CaseScripts.steps(Type.COMPLEX);
    int atOpinions = firstIndexOf(complex, "giveOpinion") + 2;
    List<Waiting> cases = new ArrayList<>();
    for (int i = 0; i < tolerated.size(); i++) {
      cases.add(new Waiting(report(before, i), tolerated, i));
    }
    cases.add(new Waiting(report(before, tolerated.size()), complex, atOpinions));
    // each document's id and the SHA-256 the system recorded as it arrived
    Map<String, String> hashes = new LinkedHashMap<>();
    for (Waiting waiting : cases) {
      Reply added = upload(before, waiting.caseId());
      hashes.put(added.text("id"), added.text("sha256"));
    }
    inParallel(cases, waiting -> {
      for (Step step : waiting.script().subList(0, waiting.doneSteps())) {
        work(desk, before, waiting.caseId(), step);
      }
    });
    String prefiling = before.post("commerce-clerk", "/engine-rest/process-definition/key/prefiling/start",
        Rest.withVariables(Plans.valid())).text("id");
    desk.awaitTask("jiwei", "discipline-inspection", prefiling, "reviewPrefiling");
    Waiting withTimer = cases.get(firstIndexOf(tolerated, "submitCorrectionPlan"));
    for (Waiting waiting : cases) {
      if (waiting.doneSteps() < waiting.script().size()) {
        desk.awaitTask(waiting.script().get(waiting.doneSteps()).clerk().user(),
            waiting.script().get(waiting.doneSteps()).clerk().group(), taskScope(before, waiting),
            waiting.script().get(waiting.doneSteps()).taskKey());
      }
    }
    long decidedBefore = count(original, "SELECT COUNT(*) FROM decision");
    assertThat(decidedBefore).as("decisions before the backup").isPositive();
    assertThat(timers(original, withTimer.caseId())).as("pending timers of %s", withTimer.caseId()).isPositive();

    Path backup = WORK.resolve("tolerance.dump");
    run("ops/backup.sh", backup.toString(), original);
    nodes.stopAll();
    String restored = PostgresTestDatabase.create(server);
    run("ops/restore.sh", backup.toString(), restored);

    Rest after = nodes.startAndAwait("drill-after", restored);
    Desk afterDesk = new Desk(after, 120);
    // the supervision timer of the case in correction fires on the fresh node
    String timer = after.get("admin", "/engine-rest/job?timers=true&processInstanceId=" + withTimer.caseId()
        + "&activityId=correctionOverdue").body().get(0).path("id").asText();
    assertThat(after.post("admin", "/engine-rest/job/" + timer + "/execute", Map.of()).status()).isEqualTo(204);
    afterDesk.work("party-secretary", "superior-party-committee", withTimer.caseId(), "superviseCorrection",
        Map.of("supervisionNote", "请于一周内完成整改。"));
    inParallel(cases, waiting -> {
      for (Step step : waiting.script().subList(waiting.doneSteps(), waiting.script().size())) {
        work(afterDesk, after, waiting.caseId(), step);
      }
    });
    afterDesk.work("jiwei", "discipline-inspection", prefiling, "reviewPrefiling", Map.of("prefilingDecision", "REGISTERED"));
    afterDesk.work("commerce-clerk", "unit-commerce", prefiling, "receivePrefilingReceipt", Map.of());
    for (Waiting waiting : cases) {
      afterDesk.awaitEnded("admin", waiting.caseId());
    }
    afterDesk.awaitEnded("admin", prefiling);

    for (Waiting waiting : cases) {
      assertThat(count(restored, "SELECT COUNT(*) FROM decision WHERE process_instance_id = '" + waiting.caseId() + "'"))
          .as("decisions of %s", waiting.caseId()).isEqualTo(1);
    }
    assertThat(numbers(restored, "SELECT decision_no FROM decision ORDER BY decision_no"))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, cases.size()).boxed().toList());
    assertThat(numbers(restored, "SELECT prefiling_no FROM prefiling ORDER BY prefiling_no")).containsExactly(1);
    for (Map.Entry<String, String> document : hashes.entrySet()) {
      assertThat(sha256(after.download("admin", "/api/documents/" + document.getKey()).body()))
          .as("document %s", document.getKey()).isEqualTo(document.getValue());
    }
    Reply integrity = after.get("admin", "/api/integrity");
    assertThat(integrity.body().path("intact").asBoolean()).as("%s", integrity.body()).isTrue();
    assertThat(count(restored, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
  }

  /** A case and the script it follows; {@code doneSteps} of them are worked before the backup. */
  record Waiting(String caseId, List<Step> script, int doneSteps) {}

  private static String report(Rest rest, int i) {
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseScripts.report("drill", i)));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    return started.text("id");
  }

  // the clerks of several cases at once, as in an office
  private static void inParallel(List<Waiting> cases, Consumer<Waiting> work) throws Exception {
    ExecutorService clerks = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Waiting waiting : cases) {
        done.add(clerks.submit(() -> work.accept(waiting)));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      clerks.shutdownNow();
    }
  }

  private static Reply upload(Rest rest, String caseId) {
    byte[] pdf = ("%PDF-1.7\n" + caseId + " ".repeat(100) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    Reply added = rest.upload("commerce-clerk", "/api/cases/" + caseId + "/documents",
        new FilePart("情况说明.pdf", "application/pdf", pdf), Map.of());
    assertThat(added.status()).as("upload: %s", added.body()).isEqualTo(201);
    return added;
  }

  private static void work(Desk desk, Rest rest, String caseId, Step step) {
    String scope = step.deliberation() ? deliberationOf(rest, caseId) : caseId;
    desk.work(step.clerk().user(), step.clerk().group(), scope, step.taskKey(), step.form());
  }

  private static String taskScope(Rest rest, Waiting waiting) {
    return waiting.script().get(waiting.doneSteps()).deliberation() ? deliberationOf(rest, waiting.caseId())
        : waiting.caseId();
  }

  // the 一事一议 the case called, once it runs
  private static String deliberationOf(Rest rest, String caseId) {
    String path = "/engine-rest/process-instance?superProcessInstance=" + caseId;
    Rest.await("一事一议 of " + caseId, 60, () -> rest.get("admin", path).body().size() == 1);
    return rest.get("admin", path).body().get(0).path("id").asText();
  }

  private static int firstIndexOf(List<Step> script, String taskKey) {
    return IntStream.range(0, script.size()).filter(i -> script.get(i).taskKey().equals(taskKey)).findFirst()
        .orElseThrow();
  }

  private static void run(String script, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(script));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(WORK.resolve(Path.of(script).getFileName() + ".log").toFile());
    builder.environment().put("PGUSER", PostgresTestDatabase.user());
    builder.environment().put("PGPASSWORD", PostgresTestDatabase.password());
    int exit = builder.start().waitFor();
    assertThat(exit).as("%s (see %s)", script, WORK.resolve(Path.of(script).getFileName() + ".log")).isZero();
  }

  private static long timers(String database, String caseId) throws Exception {
    return count(database, "SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'timer' AND process_instance_id_ = '"
        + caseId + "'");
  }

  private static long count(String database, String sql) throws Exception {
    try (Connection db = DriverManager.getConnection(database, PostgresTestDatabase.user(), PostgresTestDatabase.password());
         Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<Integer> numbers(String database, String sql) throws Exception {
    List<Integer> numbers = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(database, PostgresTestDatabase.user(), PostgresTestDatabase.password());
         Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        String number = rows.getString(1);
        numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
      }
    }
    return numbers;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
