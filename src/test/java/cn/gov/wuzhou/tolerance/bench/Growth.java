package cn.gov.wuzhou.tolerance.bench;

import cn.gov.wuzhou.tolerance.bench.CaseScripts.Clerk;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;

/**
 * How the task list's cost grows with the open cases in the database. Open cases are made cheaply
 * through the Java API: the job executor is paused, filler threads start cases for the unit (no
 * authenticated user, so no authorization checks; the case gets the same unit grants) and run
 * each case's two async service steps (eligibility, pre-filing look-up) themselves, so each
 * case waits at its first three user tasks (上级党委 and 纪委监委 acknowledge, the unit's correction
 * plan) exactly as after a real report; then the job executor is resumed. At each level the 本机构待办
 * filter's first page is listed, one request after another, by a member of each group, each after a write
 * to the task table (as other clerks' work would be).
 */
final class Growth {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whose list is measured: groups with one task per open case, and one with none. */
  static final List<Clerk> VIEWERS = List.of(CaseScripts.DISCIPLINE, CaseScripts.UNIT, CaseScripts.OFFICE);

  private final BenchSystem system;
  private final int fillThreads;
  private final int repetitions;
  private final int budgetSeconds;

  /** {@code budgetSeconds}: per viewer and level; a slow database gets fewer calls per figure, not an endless run. */
  Growth(BenchSystem system, int fillThreads, int repetitions, int budgetSeconds) {
    this.system = system;
    this.fillThreads = fillThreads;
    this.repetitions = repetitions;
    this.budgetSeconds = budgetSeconds;
  }

  record Level(int openCases, long openTasks, double fillSeconds, Map<String, Map<String, Recorder.Stats>> byViewer,
      Map<String, Long> queueSizes, double heapAfterGcMb, Map<String, Map<String, Object>> costPerCall,
      Map<String, Integer> callsPerFigure) {}

  /** Adds open cases until there are {@code target} (those of this benchmark still open count too). */
  double fillTo(int target, String runId) {
    long open = openCases();
    int missing = (int) Math.max(0, target - open);
    if (missing == 0) {
      return 0;
    }
    long start = System.nanoTime();
    JobExecutor jobExecutor = system.configuration().getJobExecutor();
    boolean wasActive = jobExecutor != null && jobExecutor.isActive();
    if (wasActive) {
      jobExecutor.shutdown();
    }
    try {
      RuntimeService runtime = system.engine.getRuntimeService();
      ManagementService management = system.engine.getManagementService();
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(fillThreads, r -> new Thread(r, "bench-filler"));
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < fillThreads; t++) {
        futures.add(pool.submit(() -> {
          int i;
          while ((i = next.getAndIncrement()) < missing) {
            // started without an authenticated user (no authorization checks, the cheap way), for the unit
            // named in the report; the case gets the same unit grants as one a clerk files
            Map<String, Object> report = new LinkedHashMap<>(CaseScripts.report(runId + "-open", (int) open + i));
            report.put("unitGroup", CaseScripts.UNIT.group());
            String id = runtime.startProcessInstanceByKey("toleranceCase", report).getId();
            List<Job> jobs;
            while (!(jobs = management.createJobQuery().processInstanceId(id).messages().executable().list()).isEmpty()) {
              jobs.forEach(job -> management.executeJob(job.getId()));
            }
          }
          return null;
        }));
      }
      pool.shutdown();
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("filling open cases failed", e);
    } finally {
      if (wasActive) {
        jobExecutor.start();
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  long openCases() {
    return SqlCounter.paused(() -> system.jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_DEF_ID_ LIKE 'toleranceCase:%' AND ID_ = PROC_INST_ID_",
        Long.class));
  }

  /** The first page of 本机构待办 as each viewer sees it: Tasklist's HAL request, plain JSON, and the Java API. */
  Level measure(int level, double fillSeconds, RestChannel rest, JavaChannel java, String label) {
    Map<String, Map<String, Recorder.Stats>> byViewer = new LinkedHashMap<>();
    Map<String, Long> queues = new LinkedHashMap<>();
    Map<String, Map<String, Object>> costs = new LinkedHashMap<>();
    Map<String, Integer> calls = new LinkedHashMap<>();
    analyzeIfPostgres();
    // the task another clerk's work rewrites between two list calls (see measureInto)
    String otherClerksTask = SqlCounter.paused(() -> system.jdbc.queryForObject("SELECT MIN(ID_) FROM ACT_RU_TASK",
        String.class));
    FilterService filters = system.engine.getFilterService();
    IdentityService identity = system.engine.getIdentityService();
    String filterId = rest.filterId();
    // a case in the middle of the open ones, for the list narrowed to one case (what the clerks of the run do)
    String sampleCase = SqlCounter.paused(() -> system.jdbc.queryForList(
        "SELECT ID_ FROM ACT_RU_EXECUTION WHERE PROC_DEF_ID_ LIKE 'toleranceCase:%' AND ID_ = PROC_INST_ID_ ORDER BY ID_",
        String.class)).stream().skip(level / 2).findFirst().orElse("none");
    for (Clerk viewer : VIEWERS) {
      List<String> groups = identity.createGroupQuery().groupMember(viewer.user()).list().stream()
          .map(Group::getId).toList();
      identity.setAuthentication(viewer.user(), groups, List.of());
      try {
        queues.put(viewer.group(), filters.count(filterId));
      } finally {
        identity.clearAuthentication();
      }
      Recorder recorder = new Recorder();
      Attribution attribution = new Attribution();
      RestChannel halChannel = rest;
      ObjectNode wholeList = JSON.createObjectNode();
      long budgetEnd = System.currentTimeMillis() + budgetSeconds * 1000L;
      int done = 0;
      for (int i = 0; i < repetitions + 5 && (i < 6 || System.currentTimeMillis() < budgetEnd); i++) {
        done = Math.max(0, i - 4);
        Recorder target = i < 5 ? new Recorder() : recorder; // the first five warm the path up
        Attribution into = i < 5 ? new Attribution() : attribution;
        measureInto(target, into, otherClerksTask, "REST HAL (Tasklist)",
            () -> halChannel.listPage("x", viewer, wholeList, true));
        measureInto(target, into, otherClerksTask, "REST JSON",
            () -> halChannel.listPage("x", viewer, wholeList, false));
        ObjectNode oneCase = JSON.createObjectNode().put("processInstanceId", sampleCase);
        measureInto(target, into, otherClerksTask, "REST HAL, one case",
            () -> halChannel.listPage("x", viewer, oneCase, true));
        measureInto(target, into, otherClerksTask, "Java API", () -> {
          identity.setAuthentication(viewer.user(), groups, List.of());
          try {
            return filters.listPage(filterId, 0, 15);
          } finally {
            identity.clearAuthentication();
          }
        });
        measureInto(target, into, otherClerksTask, "Java API count", () -> {
          identity.setAuthentication(viewer.user(), groups, List.of());
          try {
            return filters.count(filterId);
          } finally {
            identity.clearAuthentication();
          }
        });
      }
      byViewer.put(viewer.group(), recorder.stats());
      costs.put(viewer.group(), attribution.perCall(Math.max(done, 1)));
      calls.put(viewer.group(), done);
    }
    System.gc();
    double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    long openTasks = SqlCounter.paused(() -> system.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class));
    return new Level(level, openTasks, fillSeconds, byViewer, queues, heap, costs, calls);
  }

  /**
   * PostgreSQL plans by its statistics. The application refreshes those of the tables that changed much every
   * few minutes ({@code database/PlannerStatistics}), autovacuum does where it runs; after a bulk load the
   * benchmark does not wait for either and analyses every table itself, and says so.
   */
  void analyzeIfPostgres() {
    if (system.databaseLabel.equals("PostgreSQL")) {
      long start = System.nanoTime();
      SqlCounter.paused(() -> {
        system.jdbc.execute("ANALYZE");
        return null;
      });
      ToleranceCaseBenchmark.log(String.format("ANALYZE after filling (PostgreSQL): %.1f s", (System.nanoTime() - start) / 1e9));
    }
  }

  private void measureInto(Recorder recorder, Attribution attribution, String otherClerksTask, String kind,
      java.util.function.Supplier<?> call) {
    // On a live system other clerks claim and complete tasks between two list calls. H2 hands back the
    // previous result of an identical query while none of its tables changed, which would make the list
    // look free; rewriting one task row (unchanged) prevents that.
    SqlCounter.paused(() -> system.jdbc.update("UPDATE ACT_RU_TASK SET REV_ = REV_ WHERE ID_ = ?", otherClerksTask));
    Map<String, long[]> before = system.sql.bySql();
    long gcBefore = gcMillis();
    long start = System.nanoTime();
    call.get();
    recorder.record(kind, System.nanoTime() - start);
    attribution.add(kind, before, system.sql.bySql(), gcMillis() - gcBefore);
  }

  static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
  }

  /** Where a list call's time goes: its SQL statements (count, JDBC time) and garbage collection. */
  private static final class Attribution {
    private final Map<String, Map<String, long[]>> byKind = new LinkedHashMap<>();
    private final Map<String, Long> gc = new LinkedHashMap<>();

    void add(String kind, Map<String, long[]> before, Map<String, long[]> after, long gcMillis) {
      Map<String, long[]> statements = byKind.computeIfAbsent(kind, k -> new java.util.HashMap<>());
      after.forEach((sql, stats) -> {
        long[] was = before.getOrDefault(sql, new long[2]);
        if (stats[0] > was[0]) {
          long[] sum = statements.computeIfAbsent(sql, k -> new long[2]);
          sum[0] += stats[0] - was[0];
          sum[1] += stats[1] - was[1];
        }
      });
      gc.merge(kind, gcMillis, Long::sum);
    }

    Map<String, Object> perCall(int calls) {
      Map<String, Object> result = new LinkedHashMap<>();
      byKind.forEach((kind, statements) -> {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("statementsPerCall", statements.values().stream().mapToLong(v -> v[0]).sum() / (double) calls);
        cost.put("jdbcMillisPerCall", statements.values().stream().mapToLong(v -> v[1]).sum() / 1e6 / calls);
        cost.put("gcMillisPerCall", gc.getOrDefault(kind, 0L) / (double) calls);
        cost.put("topStatements", SqlCounter.top(Map.of(), statements, 5, calls));
        result.put(kind, cost);
      });
      return result;
    }
  }
}
