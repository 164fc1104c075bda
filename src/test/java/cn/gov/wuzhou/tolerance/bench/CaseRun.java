package cn.gov.wuzhou.tolerance.bench;

import cn.gov.wuzhou.tolerance.bench.CaseScripts.Clerk;
import cn.gov.wuzhou.tolerance.bench.CaseScripts.Step;
import cn.gov.wuzhou.tolerance.bench.CaseScripts.Type;
import cn.gov.wuzhou.tolerance.bench.Channel.Refused;
import cn.gov.wuzhou.tolerance.bench.Channel.TaskRow;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * N whole cases worked to their end by K concurrent clerks through one {@link Channel} (closed
 * loop): each clerk thread takes the next case, files it as the unit, and for each of its user
 * tasks lists the agency's 本机构待办 until the task shows up (the job executor runs the service
 * steps in between), claims it and submits its form; then takes the next case. The phase ends when
 * the last case has ended (its last service steps run as jobs after the last task).
 */
final class CaseRun {

  private static final long STEP_DEADLINE_MILLIS = 600_000;

  /**
   * The statements of a clerk's second and further look at the list while a job has not yet made the task: how
   * many there are depends on the job executor's timing, not on the case.
   */
  static final String REPOLL = "task list, again while waiting for a job";

  private final BenchSystem system;
  private final int pollMillis;

  CaseRun(BenchSystem system, int pollMillis) {
    this.system = system;
    this.pollMillis = pollMillis;
  }

  record Outcome(String channel, int cases, int clerks, Map<Type, Integer> mix, double wallSeconds, Recorder recorder,
      SqlCounter.Snapshot sql, List<Map<String, Object>> topStatements, Resources.Usage usage, long[] caseMillis,
      long[] jobMillis, long failedJobs, long incidents, long retries) {

    double casesPerSecond() {
      return cases / wallSeconds;
    }

    double requestsPerSecond() {
      return recorder.requests() / wallSeconds;
    }

    double perCase(String sqlKind) {
      return (double) sql.of(sqlKind) / cases;
    }

    /** All statements per case but the repeated polls of clerks waiting for a job. */
    double perCaseWithoutRepolls() {
      long repolls = sql.byStep().getOrDefault(REPOLL, java.util.Map.of()).values().stream()
          .mapToLong(Long::longValue).sum();
      return (double) (sql.total() - repolls) / cases;
    }

    /** The statements per case but the repeated polls, by what they record ({@link Records}). */
    Map<String, Double> perCaseByRecordWithoutRepolls() {
      Map<String, Double> byRecord = new LinkedHashMap<>();
      Records.KINDS.forEach(kind -> byRecord.put(kind, 0.0));
      sql.byStep().forEach((step, statements) -> {
        if (!step.equals(REPOLL)) {
          statements.forEach((statement, count) -> byRecord.merge(Records.of(statement), (double) count / cases, Double::sum));
        }
      });
      return byRecord;
    }
  }

  Outcome run(Channel channel, Recorder recorder, int cases, int clerks, String runId) {
    long wallStart = System.currentTimeMillis();
    Timestamp since = new Timestamp(wallStart - 1);
    SqlCounter.Snapshot sqlBefore = system.sql.snapshot();
    Map<String, long[]> statementsBefore = system.sql.bySql();
    long incidentsBefore = count("SELECT COUNT(*) FROM ACT_RU_INCIDENT");
    Resources resources = new Resources(system);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Map<Type, Integer> mix = new EnumMap<>(Type.class);
    for (int i = 0; i < cases; i++) {
      mix.merge(CaseScripts.typeOf(i), 1, Integer::sum);
    }
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clerks, r -> {
      Thread thread = new Thread(r, "bench-clerk-" + threadNo.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clerks; c++) {
      workers.add(pool.submit(() -> {
        try {
          int i;
          while (failure.get() == null && (i = next.getAndIncrement()) < cases) {
            workCase(channel, recorder, runId, i, retries);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          resources.addCurrentThreadCpu();
        }
      }));
    }
    pool.shutdown();
    try {
      for (Future<?> worker : workers) {
        worker.get();
      }
      awaitEnded(since, cases, failure);
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
    Resources.Usage usage = resources.stop();
    if (failure.get() != null) {
      pool.shutdownNow();
      throw new IllegalStateException(channel.name() + " phase failed: " + failure.get(), failure.get());
    }
    SqlCounter.Snapshot sql = system.sql.snapshot().minus(sqlBefore);
    List<Map<String, Object>> topStatements = SqlCounter.top(statementsBefore, system.sql.bySql(), 30, cases);
    long lastEnd = SqlCounter.paused(() -> system.jdbc.queryForObject(
        "SELECT MAX(END_TIME_) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'toleranceCase' AND START_TIME_ >= ?",
        Timestamp.class, since)).getTime();
    double wall = Math.max(lastEnd - wallStart, 1) / 1000.0;
    long[] caseMillis = SqlCounter.paused(() -> system.jdbc.queryForList(
        "SELECT DURATION_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'toleranceCase' AND START_TIME_ >= ?",
        Long.class, since)).stream().mapToLong(Long::longValue).sorted().toArray();
    long[] jobMillis = jobLatencies(since);
    long failedJobs = count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1 AND TIMESTAMP_ >= ?", since);
    long incidents = count("SELECT COUNT(*) FROM ACT_RU_INCIDENT") - incidentsBefore;
    return new Outcome(channel.name(), cases, clerks, mix, wall, recorder, sql, topStatements, usage, caseMillis, jobMillis,
        failedJobs, incidents, retries.get());
  }

  private void workCase(Channel channel, Recorder recorder, String runId, int i, AtomicInteger retries) {
    Type type = CaseScripts.typeOf(i);
    String caseId = SqlCounter.during("start", () ->
        retrying(retries, () -> channel.start(CaseScripts.UNIT, CaseScripts.report(runId, i))));
    for (Step step : CaseScripts.steps(type)) {
      String taskId = awaitTask(channel, recorder, caseId, step);
      Clerk clerk = step.clerk();
      SqlCounter.during("claim " + step.taskKey(), () -> retrying(retries, () -> {
        channel.claim(clerk, taskId);
        return null;
      }));
      SqlCounter.during("complete " + step.taskKey(), () -> retrying(retries, () -> {
        channel.complete(clerk, taskId, step.form());
        return null;
      }));
    }
  }

  private String awaitTask(Channel channel, Recorder recorder, String caseId, Step step) {
    long deadline = System.currentTimeMillis() + STEP_DEADLINE_MILLIS;
    for (int poll = 0; ; poll++) {
      String stepName = poll == 0 ? "task list " + step.taskKey() : REPOLL;
      for (TaskRow row : SqlCounter.during(stepName, () -> channel.list(step.clerk(), caseId, step.deliberation()))) {
        if (row.taskDefinitionKey().equals(step.taskKey())) {
          return row.id();
        }
      }
      recorder.emptyList();
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("case " + caseId + ": " + step.taskKey() + " never reached "
            + step.clerk().group() + "'s 本机构待办 (see incidents in Cockpit)");
      }
      sleep(pollMillis);
    }
  }

  /** A clerk whose request met a concurrent change to the same case tries again, as in Tasklist. */
  private static <T> T retrying(AtomicInteger retries, Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.get();
      } catch (Refused refused) {
        if (!refused.retryable || attempt >= 5) {
          throw refused;
        }
        retries.incrementAndGet();
        sleep(50L * attempt);
      }
    }
  }

  private void awaitEnded(Timestamp since, int cases, AtomicReference<Throwable> failure) {
    long deadline = System.currentTimeMillis() + STEP_DEADLINE_MILLIS;
    while (failure.get() == null) {
      long ended = count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'toleranceCase' "
          + "AND START_TIME_ >= ? AND END_TIME_ IS NOT NULL", since);
      if (ended >= cases) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("only " + ended + " of " + cases + " cases ended");
      }
      sleep(20);
    }
  }

  /** Job latency: from the job's creation to its successful end (history job log, history level full). */
  private long[] jobLatencies(Timestamp since) {
    return SqlCounter.paused(() -> system.jdbc.query(
        "SELECT c.TIMESTAMP_ AS CREATED, s.TIMESTAMP_ AS DONE FROM ACT_HI_JOB_LOG c JOIN ACT_HI_JOB_LOG s "
            + "ON s.JOB_ID_ = c.JOB_ID_ AND s.JOB_STATE_ = 2 WHERE c.JOB_STATE_ = 0 AND c.TIMESTAMP_ >= ? "
            + "AND c.JOB_DEF_TYPE_ = 'async-continuation'",
        (rs, n) -> rs.getTimestamp("DONE").getTime() - rs.getTimestamp("CREATED").getTime(), since))
        .stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private long count(String sql, Object... args) {
    return SqlCounter.paused(() -> system.jdbc.queryForObject(sql, Long.class, args));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
