package cn.gov.wuzhou.tolerance.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of 容错纠错 (not a test: it asserts nothing about time, it prints figures).
 * Run it with {@code mvn -Pbench verify}; the default build does not run it.
 *
 * <p>For each selected {@link Variant} (default: only {@code baseline}, the application as
 * configured) it starts the whole application (random port, job executor on, in-memory H2 unless
 * {@code SPRING_DATASOURCE_URL} names another database), warms it up, then drives
 * {@code bench.cases} whole {@code toleranceCase} cases with {@code bench.clerks} concurrent clerks
 * over REST as Tasklist does, then the same through the Java API; for the first variant it then
 * measures the task list with growing numbers of open cases. Figures go to stdout,
 * {@code target/bench/results.md} and {@code target/bench/results.json}.
 *
 * <p>System properties: {@code bench.cases} (200), {@code bench.clerks} (16), {@code bench.warmup}
 * (200 cases per channel: on two cores the JIT needs minutes before the figures settle; a run with 40
 * warm-up cases measured half the throughput of the same system ten minutes later), {@code bench.pollMillis} (50: a clerk waiting for a task re-lists after
 * this), {@code bench.openCases} (100,1000,10000; empty: no growth phase), {@code bench.repetitions}
 * (30 list calls per viewer and level, fewer where they exceed {@code bench.budgetSeconds}, 45 s per viewer
 * and level), {@code bench.indexes} (true: also measure candidate
 * indexes at the largest level), {@code bench.variants} (baseline; a comma list or {@code all}),
 * {@code bench.out} (target/bench), {@code bench.quietWaitSeconds} (60: before each measured phase, wait up
 * to this long until other processes use less than {@code bench.quietThresholdPct}, 15 %, of the cores).
 */
class ToleranceCaseBenchmark {

  @Test
  void benchmark() throws Exception {
    Settings settings = Settings.fromSystemProperties();
    Report report = new Report(settings);
    List<Variant> variants = Variant.select(settings.variants());
    boolean first = true;
    for (Variant variant : variants) {
      report.add(measure(variant, settings, first && !settings.openCases().isEmpty()));
      first = false;
      report.write(Path.of(settings.out())); // after each variant, so a long run leaves figures behind
    }
    System.out.println();
    System.out.println(report.markdown());
    System.out.println("(written to " + Path.of(settings.out()).toAbsolutePath() + "/results.md and results.json)");
  }

  private static Report.VariantResult measure(Variant variant, Settings settings, boolean growth) {
    String runId = Long.toString(System.currentTimeMillis(), 36);
    log("starting the system for variant " + variant.name() + " (" + variant.change() + ")");
    long bootStart = System.nanoTime();
    try (BenchSystem system = BenchSystem.start(variant.name(), variant.properties(), variant.customizations())) {
      double bootSeconds = (System.nanoTime() - bootStart) / 1e9;
      Map<String, Object> info = Report.systemInfo(system, settings);
      info.put("startSeconds", bootSeconds);
      CaseRun run = new CaseRun(system, settings.pollMillis());

      log("warm-up: " + settings.warmup() + " cases over REST and through the Java API");
      run.run(new RestChannel(system.port, variant.auth(), new Recorder(), variant.halList()), new Recorder(),
          settings.warmup(), settings.clerks(), runId + "w");
      run.run(new JavaChannel(system.engine, new Recorder()), new Recorder(), settings.warmup(), settings.clerks(),
          runId + "v");

      if (system.databaseLabel.equals("PostgreSQL")) {
        SqlCounter.paused(() -> {
          system.jdbc.execute("ANALYZE"); // as autovacuum would have by now
          return null;
        });
      }
      Quiet.await(settings.quietWaitSeconds(), settings.quietThresholdPct());
      log("REST: " + settings.cases() + " cases, " + settings.clerks() + " clerks");
      Recorder restRecorder = new Recorder();
      CaseRun.Outcome rest = run.run(new RestChannel(system.port, variant.auth(), restRecorder, variant.halList()),
          restRecorder, settings.cases(), settings.clerks(), runId + "r");
      log(String.format("REST: %.2f cases/s", rest.casesPerSecond()));

      Quiet.await(settings.quietWaitSeconds(), settings.quietThresholdPct());
      log("Java API: " + settings.cases() + " cases, " + settings.clerks() + " clerks");
      Recorder javaRecorder = new Recorder();
      CaseRun.Outcome java = run.run(new JavaChannel(system.engine, javaRecorder), javaRecorder, settings.cases(),
          settings.clerks(), runId + "j");
      log(String.format("Java API: %.2f cases/s", java.casesPerSecond()));

      List<Growth.Level> levels = new ArrayList<>();
      Map<String, Object> indexExperiment = new LinkedHashMap<>();
      if (growth) {
        Growth growthPhase = new Growth(system, settings.fillThreads(), settings.repetitions(),
            settings.budgetSeconds());
        RestChannel restLists = new RestChannel(system.port, RestChannel.Auth.BASIC, new Recorder(), true);
        JavaChannel javaLists = new JavaChannel(system.engine, new Recorder());
        for (int level : settings.openCases()) {
          log("growth: filling to " + level + " open cases");
          double fill = growthPhase.fillTo(level, runId);
          log(String.format("growth: filled in %.1f s; measuring the task list", fill));
          Quiet.await(settings.quietWaitSeconds(), settings.quietThresholdPct());
          levels.add(growthPhase.measure(level, fill, restLists, javaLists, ""));
        }
        if (settings.indexes()) {
          indexExperiment = Indexes.experiment(system, growthPhase, restLists, javaLists,
              settings.openCases().get(settings.openCases().size() - 1));
        }
      }
      return new Report.VariantResult(variant, info, rest, java, levels, indexExperiment);
    }
  }

  static void log(String message) {
    System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), message);
  }

  record Settings(int cases, int clerks, int warmup, int pollMillis, List<Integer> openCases, int repetitions,
      int fillThreads, boolean indexes, String variants, String out, int quietWaitSeconds, double quietThresholdPct,
      int budgetSeconds) {

    static Settings fromSystemProperties() {
      List<Integer> open = new ArrayList<>();
      for (String level : System.getProperty("bench.openCases", "100,1000,10000").split(",")) {
        if (!level.isBlank()) {
          open.add(Integer.parseInt(level.strip()));
        }
      }
      return new Settings(
          Integer.getInteger("bench.cases", 200),
          Integer.getInteger("bench.clerks", 16),
          Integer.getInteger("bench.warmup", 200),
          Integer.getInteger("bench.pollMillis", 50),
          open,
          Integer.getInteger("bench.repetitions", 30),
          Integer.getInteger("bench.fillThreads", 4),
          Boolean.parseBoolean(System.getProperty("bench.indexes", "true")),
          System.getProperty("bench.variants", Variant.BASELINE),
          System.getProperty("bench.out", "target/bench"),
          Integer.getInteger("bench.quietWaitSeconds", 60),
          Double.parseDouble(System.getProperty("bench.quietThresholdPct", "15")),
          Integer.getInteger("bench.budgetSeconds", 45));
    }
  }
}
