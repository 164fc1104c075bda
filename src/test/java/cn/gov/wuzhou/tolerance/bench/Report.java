package cn.gov.wuzhou.tolerance.bench;

import cn.gov.wuzhou.tolerance.bench.Recorder.Stats;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/** The figures as a Markdown report and as JSON. */
final class Report {

  record VariantResult(Variant variant, Map<String, Object> info, CaseRun.Outcome rest, CaseRun.Outcome java,
      List<Growth.Level> levels, Map<String, Object> indexExperiment) {}

  private final ToleranceCaseBenchmark.Settings settings;
  private final List<VariantResult> results = new ArrayList<>();
  private final String startedAt = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

  Report(ToleranceCaseBenchmark.Settings settings) {
    this.settings = settings;
  }

  void add(VariantResult result) {
    results.add(result);
  }

  static Map<String, Object> systemInfo(BenchSystem system, ToleranceCaseBenchmark.Settings settings) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("database", system.databaseLabel);
    info.put("databaseProduct", SqlCounter.paused(() -> {
      try (Connection connection = system.context.getBean(DataSource.class).getConnection()) {
        DatabaseMetaData meta = connection.getMetaData();
        return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
      } catch (Exception e) {
        return "?";
      }
    }));
    info.put("historyLevel", system.historyLevel());
    info.put("authorization", system.configuration().isAuthorizationEnabled());
    info.put("authorizationCheckRevokes", system.configuration().getAuthorizationCheckRevokes());
    if (system.databaseLabel.equals("PostgreSQL")) {
      info.put("postgresSession", SqlCounter.paused(() -> "plan_cache_mode "
          + system.jdbc.queryForObject("SHOW plan_cache_mode", String.class)
          + ", jit " + system.jdbc.queryForObject("SHOW jit", String.class)
          + ", seq_page_cost " + system.jdbc.queryForObject("SHOW seq_page_cost", String.class)
          + ", random_page_cost " + system.jdbc.queryForObject("SHOW random_page_cost", String.class)));
    }
    info.put("jobExecutor", "core " + system.property("camunda.bpm.job-execution.core-pool-size")
        + ", max " + system.property("camunda.bpm.job-execution.max-pool-size")
        + ", queue " + system.property("camunda.bpm.job-execution.queue-capacity")
        + ", " + system.property("camunda.bpm.job-execution.max-jobs-per-acquisition") + " jobs/acquisition, wait "
        + system.property("camunda.bpm.job-execution.wait-time-in-millis") + "–"
        + system.property("camunda.bpm.job-execution.max-wait") + " ms");
    info.put("connectionPool", system.poolUsage()[2]);
    return info;
  }

  private static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", cpuModel());
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    machine.put("memoryGiB", Math.round(memory / 1073741824.0));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1048576);
    return machine;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
          .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("results.md"), markdown());
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      json.writeValue(dir.resolve("results.json").toFile(), json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- Markdown

  String markdown() {
    StringBuilder md = new StringBuilder();
    Map<String, Object> machine = machine();
    md.append("# 容错纠错 — benchmark\n\n");
    md.append("Run ").append(startedAt).append(" on ").append(machine.get("cores")).append(" cores (")
        .append(machine.get("cpu")).append("), ").append(machine.get("memoryGiB")).append(" GiB RAM, ")
        .append(machine.get("os")).append(", ").append(machine.get("java")).append(", max heap ")
        .append(machine.get("maxHeapMiB")).append(" MiB. Load generator (HTTP clients) and server share the JVM and the cores.\n\n");
    if (results.isEmpty()) {
      return md.toString();
    }
    VariantResult base = results.get(0);
    Map<String, Object> info = base.info();
    md.append("Database: ").append(info.get("databaseProduct")).append(" (").append(info.get("database"))
        .append("); history level ").append(info.get("historyLevel")).append("; authorization ")
        .append(Boolean.TRUE.equals(info.get("authorization")) ? "on" : "off").append("; job executor ")
        .append(info.get("jobExecutor")).append("; connection pool ").append(info.get("connectionPool")).append(".\n");
    CaseRun.Outcome r = base.rest();
    md.append("Cases: N = ").append(r.cases()).append(" per channel (").append(mix(r)).append("), K = ")
        .append(r.clerks()).append(" concurrent clerks, after ").append(settings.warmup())
        .append(" warm-up cases per channel; a clerk waiting for a task re-lists every ").append(settings.pollMillis())
        .append(" ms.\n\n");

    md.append("## Whole cases — ").append(base.variant().name()).append(" (").append(base.variant().change()).append(")\n\n");
    caseTable(md, base);
    md.append("\n");
    sqlTables(md, base);
    if (!base.levels().isEmpty()) {
      growthTable(md, base);
    }
    targets(md, base);
    if (results.size() > 1) {
      variantsTable(md);
    }
    md.append("\nNotes: latencies are client-side (request sent → whole response read), nearest-rank percentiles. "
        + "\"task list\" is `POST …/filter/{本机构待办}/list?firstResult=0&maxResults=15` with `Accept: application/hal+json` "
        + "(as Tasklist asks; the reply embeds the count and the filter's variable columns), narrowed to the case "
        + "(`processInstanceId`, or for 一事一议 the `caseInstanceId` variable); it includes the polls of a clerk "
        + "waiting for the job executor. \"complete\" is `POST /task/{id}/submit-form` (Tasklist's 完成). SQL counts "
        + "include everything the server ran for those cases (requests and jobs), not the benchmark's own bookkeeping. "
        + "Job latency: history job log, creation → success. Case duration: start → end in the history.\n");
    return md.toString();
  }

  private static String mix(CaseRun.Outcome outcome) {
    return outcome.mix().get(CaseScripts.Type.TOLERATED) + " tolerated, "
        + outcome.mix().get(CaseScripts.Type.NOT_TOLERATED) + " not tolerated, "
        + outcome.mix().get(CaseScripts.Type.COMPLEX) + " complex";
  }

  private void caseTable(StringBuilder md, VariantResult v) {
    CaseRun.Outcome rest = v.rest();
    CaseRun.Outcome java = v.java();
    md.append("| figure | REST (").append(rest.channel()).append(") | Java API (same JVM) |\n|---|---:|---:|\n");
    row(md, "completed cases/s", f2(rest.casesPerSecond()), f2(java.casesPerSecond()));
    row(md, "requests/s (Java: engine calls/s)", f1(rest.requestsPerSecond()), f1(java.requestsPerSecond()));
    row(md, "requests per case", f1((double) rest.recorder().requests() / rest.cases()),
        f1((double) java.recorder().requests() / java.cases()));
    row(md, "wall time (s)", f1(rest.wallSeconds()), f1(java.wallSeconds()));
    row(md, "case duration p50 / p95 (s)", pctSeconds(rest.caseMillis()), pctSeconds(java.caseMillis()));
    Map<String, Stats> rs = rest.recorder().stats();
    Map<String, Stats> js = java.recorder().stats();
    for (String kind : Recorder.KINDS) {
      row(md, kind + " p50 / p95 / p99 (ms)", triple(rs.get(kind)), triple(js.get(kind)));
    }
    row(md, "task-list polls that found nothing, per case", f1((double) rest.recorder().emptyLists() / rest.cases()),
        f1((double) java.recorder().emptyLists() / java.cases()));
    row(md, "failed requests / retried", rest.recorder().failures() + " / " + rest.retries(),
        java.recorder().failures() + " / " + java.retries());
    row(md, "SQL statements per case: all (SELECT / INSERT / UPDATE / DELETE)", sqlKinds(rest), sqlKinds(java));
    row(md, "SQL statements per case without a waiting clerk's repeated task-list polls",
        f0(rest.perCaseWithoutRepolls()), f0(java.perCaseWithoutRepolls()));
    row(md, "SQL round trips per case; time in JDBC per case (ms)",
        f1((double) rest.sql().roundTrips() / rest.cases()) + "; " + f1(rest.sql().nanos() / 1e6 / rest.cases()),
        f1((double) java.sql().roundTrips() / java.cases()) + "; " + f1(java.sql().nanos() / 1e6 / java.cases()));
    row(md, "job latency created→done p50 / p95 (ms); failed job runs; new incidents",
        pctMillis(rest.jobMillis()) + "; " + rest.failedJobs() + "; " + rest.incidents(),
        pctMillis(java.jobMillis()) + "; " + java.failedJobs() + "; " + java.incidents());
    row(md, "peak heap used, sampled (MiB); time in GC", f0(rest.usage().peakHeapMb()) + "; " + f1(rest.usage().gcPct()) + " %",
        f0(java.usage().peakHeapMb()) + "; " + f1(java.usage().gcPct()) + " %");
    row(md, "CPU busy, this JVM (% of all cores); of it the load generator",
        f0(rest.usage().processCpuPct()) + " %; " + f0(rest.usage().loadGeneratorCpuPct()) + " %",
        f0(java.usage().processCpuPct()) + " %; (clerks are the engine)");
    boolean postgres = "PostgreSQL".equals(v.info().get("database"));
    row(md, "CPU used by other processes meanwhile (% of all cores)" + (postgres ? ", the PostgreSQL server included" : ""),
        f0(rest.usage().otherProcessesCpuPct()) + " %",
        f0(java.usage().otherProcessesCpuPct()) + " %");
    double restServerCpu = serverCpuPerCase(rest);
    double javaServerCpu = serverCpuPerCase(java);
    int cores = Runtime.getRuntime().availableProcessors();
    row(md, "**server CPU per case (ms)** (JVM CPU less the load generator's" + (postgres ? "; PostgreSQL's own CPU not included" : "")
        + ")", "**" + f0(restServerCpu * 1000) + "**",
        "**" + f0(javaServerCpu * 1000) + "**");
    row(md, "cases/s the CPU would allow (" + cores + " cores ÷ server CPU per case" + (postgres ? ", if the database cost nothing" : "") + ")", f1(cores / restServerCpu),
        f1(cores / javaServerCpu));
    row(md, "DB pool: peak active / peak waiting threads / share of samples with waiters",
        poolUse(rest.usage()), poolUse(java.usage()));
    row(md, "**REST / Java API throughput**", "**" + f2(rest.casesPerSecond() / java.casesPerSecond()) + "**", "");
  }

  static double serverCpuPerCase(CaseRun.Outcome o) {
    boolean rest = !o.channel().startsWith("Java");
    return (o.usage().processCpuSeconds() - (rest ? o.usage().loadGeneratorCpuSeconds() : 0)) / o.cases();
  }

  private static String poolUse(Resources.Usage usage) {
    return usage.peakActiveConnections() + "/" + usage.poolSize() + " / " + usage.peakWaitingForConnection() + " / "
        + f0(usage.shareWaiting() * 100) + " %";
  }

  private static String sqlKinds(CaseRun.Outcome o) {
    return f0((double) o.sql().total() / o.cases()) + " (" + f0(o.perCase("SELECT")) + " / " + f0(o.perCase("INSERT"))
        + " / " + f0(o.perCase("UPDATE")) + " / " + f0(o.perCase("DELETE")) + ")";
  }

  private void sqlTables(StringBuilder md, VariantResult v) {
    md.append("### SQL per case by statement and table (top 25 by JDBC time over REST)\n\n");
    md.append("| statement | REST: count per case | REST: JDBC ms per case | Java API: count per case | Java API: JDBC ms per case |\n"
        + "|---|---:|---:|---:|---:|\n");
    Map<String, Long> rest = v.rest().sql().byKindAndTable();
    Map<String, Long> restNanos = v.rest().sql().nanosByKindAndTable();
    Map<String, Long> java = v.java().sql().byKindAndTable();
    Map<String, Long> javaNanos = v.java().sql().nanosByKindAndTable();
    restNanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25).forEach(e ->
        row(md, "`" + e.getKey() + "`", f1((double) rest.getOrDefault(e.getKey(), 0L) / v.rest().cases()),
            f1(e.getValue() / 1e6 / v.rest().cases()),
            f1((double) java.getOrDefault(e.getKey(), 0L) / v.java().cases()),
            f1(javaNanos.getOrDefault(e.getKey(), 0L) / 1e6 / v.java().cases())));
    recordTable(md, v);
    stepTable(md, v);
    md.append("\n### The ten statements that took the most JDBC time (REST run)\n\n");
    md.append("| statement (first 160 characters) | per case | JDBC ms per case | mean ms |\n|---|---:|---:|---:|\n");
    v.rest().topStatements().stream().limit(10).forEach(st -> {
      String sql = (String) st.get("sql");
      row(md, "`" + (sql.length() > 160 ? sql.substring(0, 160) + "…" : sql).replace("|", "\\|") + "`",
          f1((double) st.get("countPerCase")), f1((double) st.get("jdbcMillisPerCase")), f2((double) st.get("meanMillis")));
    });
    md.append("\n");
  }

  /** What a case's statements record: a case without any variable would still cost the rest. */
  private static void recordTable(StringBuilder md, VariantResult v) {
    md.append("\n### SQL per case by what it records (without re-polls)\n\n"
        + "| record | REST per case | Java API per case |\n|---|---:|---:|\n");
    Map<String, Double> rest = v.rest().perCaseByRecordWithoutRepolls();
    Map<String, Double> java = v.java().perCaseByRecordWithoutRepolls();
    rest.forEach((kind, perCase) -> row(md, kind, f0(perCase), f0(java.get(kind))));
    row(md, "all but process variables", f0(v.rest().perCaseWithoutRepolls() - rest.get(Records.VARIABLES)),
        f0(v.java().perCaseWithoutRepolls() - java.get(Records.VARIABLES)));
  }

  /** Where a case's statements go: per clerk's request (by task), per job (by activity), per other command. */
  private static void stepTable(StringBuilder md, VariantResult v) {
    md.append("\n### SQL per case by step\n\n"
        + "The clerk's request (`start`, `task list`/`claim`/`complete` + the task's key; `task list` is the first look, "
        + "further polls of a clerk waiting for a job are counted apart), the job (`job` + its activity), any other engine command (`command` + "
        + "its class), else the thread. Per case: all of the step's statements ÷ N (a step done by three agencies "
        + "counts three times).\n\n");
    md.append("| step | REST per case | Java API per case | REST: largest statements of the step |\n|---|---:|---:|---|\n");
    SqlCounter.Snapshot rest = v.rest().sql();
    SqlCounter.Snapshot java = v.java().sql();
    Map<String, Long> javaTotals = java.stepTotals();
    TreeSet<String> seen = new TreeSet<>();
    rest.stepTotals().forEach((step, total) -> {
      seen.add(step);
      String largest = rest.byStep().get(step).entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
          .map(e -> e.getKey() + " " + f1((double) e.getValue() / v.rest().cases()))
          .reduce((a, b) -> a + ", " + b).orElse("");
      row(md, "`" + step + "`", f1((double) total / v.rest().cases()),
          f1((double) javaTotals.getOrDefault(step, 0L) / v.java().cases()), largest);
    });
    javaTotals.forEach((step, total) -> {
      if (!seen.contains(step)) {
        row(md, "`" + step + "`", "–", f1((double) total / v.java().cases()), "");
      }
    });
  }

  private void growthTable(StringBuilder md, VariantResult v) {
    md.append("## Task list vs open cases (本机构待办, first page of 15, one request after another)\n\n");
    md.append("Open cases made through the Java API: job executor paused, ").append(settings.fillThreads())
        .append(" threads start cases as the unit's clerk and run each case's two async steps, so every case waits at "
            + "its first three user tasks (上级党委, 纪委监委, the unit); ").append(settings.repetitions())
        .append(" calls per figure after 5 warm-up calls (fewer where a viewer's calls exceed ").append(settings.budgetSeconds())
        .append(" s); before each call one task row is rewritten, as other clerks' claims would, so "
            + "H2 cannot hand back the previous call's result."
            + ("PostgreSQL".equals(v.info().get("database"))
                ? " After filling, every table is analysed (`ANALYZE`), as the application's PlannerStatistics would "
                    + "within its interval (autovacuum may be off)." : "")
            + "\n\n");
    md.append("| open cases | open tasks | viewer group (tasks in its 本机构待办) | REST HAL (Tasklist) p50 / p95 / p99 ms "
        + "| REST JSON p50 / p95 / p99 ms | REST HAL narrowed to one case p50 / p95 / p99 ms "
        + "| Java API page p50 / p95 / p99 ms | Java API count p50 / p95 ms | fill (s) | heap after GC (MiB) |\n");
    md.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Growth.Level level : v.levels()) {
      for (Map.Entry<String, Map<String, Stats>> viewer : level.byViewer().entrySet()) {
        Map<String, Stats> s = viewer.getValue();
        Stats count = s.get("Java API count");
        md.append("| ").append(level.openCases()).append(" | ").append(level.openTasks()).append(" | ")
            .append(viewer.getKey()).append(" (").append(level.queueSizes().get(viewer.getKey())).append(") | ")
            .append(triple(s.get("REST HAL (Tasklist)"))).append(" | ").append(triple(s.get("REST JSON"))).append(" | ")
            .append(triple(s.get("REST HAL, one case"))).append(" | ")
            .append(triple(s.get("Java API"))).append(" | ").append(f1(count.p50())).append(" / ").append(f1(count.p95()))
            .append(" | ").append(f1(level.fillSeconds())).append(" | ").append(f0(level.heapAfterGcMb())).append(" |\n");
      }
    }
    md.append("\n");
    Growth.Level top = v.levels().get(v.levels().size() - 1);
    md.append("Where one list call's time goes at ").append(top.openCases()).append(" open cases (mean per call):\n\n");
    md.append("| viewer | figure | SQL statements | JDBC ms | GC ms | costliest statement (mean ms × per call) |\n"
        + "|---|---|---:|---:|---:|---|\n");
    top.costPerCall().forEach((viewer, kinds) -> kinds.forEach((kind, value) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> cost = (Map<String, Object>) value;
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> statements = (List<Map<String, Object>>) cost.get("topStatements");
      String costliest = statements.isEmpty() ? "–" : shortSql((String) statements.get(0).get("sql")) + " ("
          + f1((double) statements.get(0).get("meanMillis")) + " × " + f1((double) statements.get(0).get("countPerCase")) + ")";
      row(md, viewer, kind, f1((double) cost.get("statementsPerCall")), f1((double) cost.get("jdbcMillisPerCall")),
          f1((double) cost.get("gcMillisPerCall")), costliest);
    }));
    md.append("\n");
    if (!v.indexExperiment().isEmpty()) {
      md.append("### Candidate indexes at ").append(v.indexExperiment().get("openCases")).append(" open cases\n\n");
      md.append("Indexes tried: ");
      @SuppressWarnings("unchecked")
      List<String> ddl = (List<String>) v.indexExperiment().get("indexes");
      ddl.forEach(d -> md.append("`").append(d).append("`; "));
      md.append("\n\n| viewer | figure | without p50 / p95 / p99 ms | with p50 / p95 / p99 ms |\n|---|---|---:|---:|\n");
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Stats>> before = (Map<String, Map<String, Stats>>) v.indexExperiment().get("before");
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Stats>> after = (Map<String, Map<String, Stats>>) v.indexExperiment().get("after");
      for (String viewer : before.keySet()) {
        for (String kind : before.get(viewer).keySet()) {
          row(md, viewer, kind, triple(before.get(viewer).get(kind)), triple(after.get(viewer).get(kind)));
        }
      }
      md.append("\n");
    }
  }

  private void targets(StringBuilder md, VariantResult v) {
    md.append("## Against the initial targets (2 cores, H2, full history)\n\n| target | measured | |\n|---|---:|---|\n");
    CaseRun.Outcome rest = v.rest();
    CaseRun.Outcome java = v.java();
    double worstP99 = rest.recorder().stats().values().stream().mapToDouble(Stats::p99).max().orElse(0);
    String worstKind = rest.recorder().stats().entrySet().stream()
        .max(Comparator.comparingDouble(e -> e.getValue().p99())).map(Map.Entry::getKey).orElse("?");
    target(md, "≥ 10 whole cases/s through REST with " + rest.clerks() + " clerks", f2(rest.casesPerSecond()),
        rest.casesPerSecond() >= 10);
    target(md, "p99 < 250 ms per request (worst kind)", f0(worstP99) + " ms (" + worstKind + ")", worstP99 < 250);
    target(md, "≥ 40 whole cases/s through the Java API", f2(java.casesPerSecond()), java.casesPerSecond() >= 40);
    if (!v.levels().isEmpty()) {
      Growth.Level top = v.levels().get(v.levels().size() - 1);
      double worst = 0;
      String who = "?";
      for (Map.Entry<String, Map<String, Stats>> viewer : top.byViewer().entrySet()) {
        double p95 = viewer.getValue().get("REST HAL (Tasklist)").p95();
        if (p95 >= worst) {
          worst = p95;
          who = viewer.getKey();
        }
      }
      target(md, "task-list p95 < 100 ms with " + top.openCases() + " open cases (REST HAL, worst viewer)",
          f0(worst) + " ms (" + who + ")", worst < 100);
    }
    double ratio = rest.casesPerSecond() / java.casesPerSecond();
    target(md, "REST / Java API throughput ≥ 0.25", f2(ratio), ratio >= 0.25);
    md.append("\n");
  }

  private static void target(StringBuilder md, String target, String measured, boolean met) {
    row(md, target, measured, met ? "met" : "**not met**");
  }

  private void variantsTable(StringBuilder md) {
    md.append("## Candidate changes (each a fresh system in this run, same N, K and machine)\n\n");
    md.append("| variant | change | REST cases/s | REST p50 / p95 / p99 task list ms | REST p95 / p99 complete ms "
        + "| REST worst p99 ms | Java cases/s | server CPU ms per case REST / Java | SQL per case REST (INSERT; without re-polls) | job p95 ms "
        + "| REST / Java | other processes' CPU |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (VariantResult v : results) {
      CaseRun.Outcome rest = v.rest();
      CaseRun.Outcome java = v.java();
      Map<String, Stats> rs = rest.recorder().stats();
      double worstP99 = rs.values().stream().mapToDouble(Stats::p99).max().orElse(0);
      md.append("| ").append(v.variant().name()).append(" | ").append(v.variant().change()).append(" | ")
          .append(f2(rest.casesPerSecond())).append(" | ").append(triple(rs.get("task list"))).append(" | ")
          .append(f0(rs.get("complete").p95())).append(" / ").append(f0(rs.get("complete").p99())).append(" | ")
          .append(f0(worstP99)).append(" | ").append(f2(java.casesPerSecond())).append(" | ")
          .append(f0(serverCpuPerCase(rest) * 1000)).append(" / ").append(f0(serverCpuPerCase(java) * 1000)).append(" | ")
          .append(f0((double) rest.sql().total() / rest.cases())).append(" (").append(f0(rest.perCase("INSERT")))
          .append("; ").append(f0(rest.perCaseWithoutRepolls())).append(" without re-polls")
          .append(") | ").append(rest.jobMillis().length == 0 ? "–" : String.valueOf(pct(rest.jobMillis(), 95)))
          .append(" | ").append(f2(rest.casesPerSecond() / java.casesPerSecond())).append(" | ")
          .append(f0(rest.usage().otherProcessesCpuPct())).append(" % / ").append(f0(java.usage().otherProcessesCpuPct()))
          .append(" % |\n");
    }
    md.append("\n");
  }

  // ---------------------------------------------------------------- JSON

  Map<String, Object> json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("startedAt", startedAt);
    root.put("machine", machine());
    root.put("settings", settings);
    List<Object> variants = new ArrayList<>();
    for (VariantResult v : results) {
      Map<String, Object> variant = new LinkedHashMap<>();
      variant.put("name", v.variant().name());
      variant.put("change", v.variant().change());
      variant.put("properties", v.variant().properties());
      variant.put("system", v.info());
      variant.put("rest", outcome(v.rest()));
      variant.put("java", outcome(v.java()));
      variant.put("restToJavaThroughput", v.rest().casesPerSecond() / v.java().casesPerSecond());
      List<Object> levels = new ArrayList<>();
      for (Growth.Level level : v.levels()) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("openCases", level.openCases());
        l.put("openTasks", level.openTasks());
        l.put("fillSeconds", level.fillSeconds());
        l.put("heapAfterGcMiB", level.heapAfterGcMb());
        l.put("queueSizes", level.queueSizes());
        l.put("latencyMsByViewer", level.byViewer());
        l.put("costPerCallByViewer", level.costPerCall());
        levels.add(l);
      }
      variant.put("taskListGrowth", levels);
      variant.put("indexExperiment", v.indexExperiment());
      variants.add(variant);
    }
    root.put("variants", variants);
    return root;
  }

  private static Map<String, Object> outcome(CaseRun.Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", o.channel());
    m.put("cases", o.cases());
    m.put("clerks", o.clerks());
    m.put("mix", o.mix());
    m.put("wallSeconds", o.wallSeconds());
    m.put("completedCasesPerSecond", o.casesPerSecond());
    m.put("requests", o.recorder().requests());
    m.put("requestsPerSecond", o.requestsPerSecond());
    m.put("latencyMs", o.recorder().stats());
    m.put("emptyTaskListPolls", o.recorder().emptyLists());
    m.put("failedRequests", o.recorder().failures());
    m.put("retries", o.retries());
    Map<String, Object> caseDuration = new LinkedHashMap<>();
    caseDuration.put("p50", pct(o.caseMillis(), 50));
    caseDuration.put("p95", pct(o.caseMillis(), 95));
    caseDuration.put("max", o.caseMillis().length == 0 ? 0 : o.caseMillis()[o.caseMillis().length - 1]);
    m.put("caseDurationMs", caseDuration);
    Map<String, Object> sql = new LinkedHashMap<>();
    for (String kind : SqlCounter.KINDS) {
      sql.put(kind, o.perCase(kind));
    }
    sql.put("total", (double) o.sql().total() / o.cases());
    sql.put("totalWithoutRepolls", o.perCaseWithoutRepolls());
    sql.put("byRecordWithoutRepolls", o.perCaseByRecordWithoutRepolls());
    sql.put("roundTrips", (double) o.sql().roundTrips() / o.cases());
    sql.put("jdbcMillis", o.sql().nanos() / 1e6 / o.cases());
    Map<String, Double> tables = new LinkedHashMap<>();
    o.sql().byKindAndTable().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> tables.put(e.getKey(), (double) e.getValue() / o.cases()));
    sql.put("byStatementAndTable", tables);
    Map<String, Double> tableMillis = new LinkedHashMap<>();
    o.sql().nanosByKindAndTable().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> tableMillis.put(e.getKey(), e.getValue() / 1e6 / o.cases()));
    sql.put("jdbcMillisByStatementAndTable", tableMillis);
    sql.put("topStatementsByJdbcTime", o.topStatements());
    Map<String, Object> steps = new LinkedHashMap<>();
    o.sql().stepTotals().forEach((step, total) -> {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("total", (double) total / o.cases());
      Map<String, Double> statements = new LinkedHashMap<>();
      o.sql().byStep().get(step).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> statements.put(e.getKey(), (double) e.getValue() / o.cases()));
      figures.put("byStatementAndTable", statements);
      Map<String, Double> texts = new LinkedHashMap<>();
      o.sql().byStepAndSql().getOrDefault(step, Map.of()).entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
          .forEach(e -> {
            String text = e.getKey().replaceAll("\\s+", " ").strip();
            texts.merge(text.length() > 300 ? text.substring(0, 300) + "…" : text, (double) e.getValue() / o.cases(),
                Double::sum);
          });
      figures.put("mostFrequentStatements", texts);
      steps.put(step, figures);
    });
    sql.put("byStep", steps);
    m.put("serverCpuMillisPerCase", serverCpuPerCase(o) * 1000);
    m.put("sqlPerCase", sql);
    Map<String, Object> jobs = new LinkedHashMap<>();
    jobs.put("count", o.jobMillis().length);
    jobs.put("p50", pct(o.jobMillis(), 50));
    jobs.put("p95", pct(o.jobMillis(), 95));
    jobs.put("p99", pct(o.jobMillis(), 99));
    jobs.put("failedRuns", o.failedJobs());
    jobs.put("newIncidents", o.incidents());
    m.put("jobLatencyMs", jobs);
    m.put("resources", o.usage());
    return m;
  }

  // ---------------------------------------------------------------- formatting

  private static void row(StringBuilder md, String... cells) {
    md.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  private static String shortSql(String sql) {
    return "`" + (sql.length() > 90 ? sql.substring(0, 90) + "…" : sql).replace("|", "\\|") + "`";
  }

  private static String triple(Stats s) {
    return s == null ? "–" : f1(s.p50()) + " / " + f1(s.p95()) + " / " + f1(s.p99());
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
  }

  private static String pctSeconds(long[] millis) {
    return f2(pct(millis, 50) / 1000.0) + " / " + f2(pct(millis, 95) / 1000.0);
  }

  private static String pctMillis(long[] millis) {
    return millis.length == 0 ? "– (no job log)" : pct(millis, 50) + " / " + pct(millis, 95);
  }

  static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static TreeSet<String> keys(Map<String, ?> map) {
    return new TreeSet<>(map.keySet());
  }
}
