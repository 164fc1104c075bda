package cn.gov.wuzhou.tolerance.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Counts the SQL statements the application sends, by kind (SELECT, INSERT, UPDATE, DELETE) and
 * table, with a JDBC proxy around the application's {@link DataSource} (JDK dynamic proxies, so
 * the benchmark needs no extra dependency). A statement of a JDBC batch counts once per row;
 * {@code roundTrips} counts the calls that reach the database. The benchmark's own bookkeeping
 * queries run with {@link #paused} set and are not counted.
 *
 * <p>Each statement is also counted for the step it served ({@link #during}): the clerk's request
 * ({@code complete reviewCase}, {@code task list …}, {@code start}), set on the clerk's thread and, over
 * HTTP, on the server's request thread by {@link StepLabels}; a job ({@code job <activity id>}); any
 * other engine command by its class ({@code command AcquireJobsCmd}); else the thread's name.
 */
final class SqlCounter {

  static final String[] KINDS = {"SELECT", "INSERT", "UPDATE", "DELETE", "OTHER"};

  private static final ThreadLocal<Boolean> PAUSED = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<String> STEP = new ThreadLocal<>();
  private static final Pattern TABLE = Pattern.compile(
      "^\\s*(?:select\\b.*?\\bfrom|insert\\s+into|update|delete\\s+from)\\s+([A-Za-z_][A-Za-z0-9_.]*)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byKindAndTable = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> nanosByKindAndTable = new ConcurrentHashMap<>();
  private final LongAdder roundTrips = new LongAdder();
  private final LongAdder nanos = new LongAdder();
  private final Map<String, String> kindCache = new ConcurrentHashMap<>();
  private final Map<String, long[]> bySql = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> byStep = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> byStepAndSql = new ConcurrentHashMap<>();

  /** Runs the work without counting its statements (the benchmark's own bookkeeping). */
  static <T> T paused(java.util.function.Supplier<T> work) {
    boolean before = PAUSED.get();
    PAUSED.set(true);
    try {
      return work.get();
    } finally {
      PAUSED.set(before);
    }
  }

  /** The step a thread works for, until closed. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Counts this thread's statements for the step until closed, unless an enclosing step is set already. */
  static Scope step(String step) {
    if (STEP.get() != null) {
      return () -> { };
    }
    STEP.set(step);
    return STEP::remove;
  }

  static <T> T during(String step, java.util.function.Supplier<T> work) {
    try (Scope scope = step(step)) {
      return work.get();
    }
  }

  /** The step this thread works for, or null. */
  static String currentStep() {
    return STEP.get();
  }

  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      if (result instanceof Connection connection) {
        return wrapConnection(connection);
      }
      return result;
    });
  }

  Snapshot snapshot() {
    Map<String, Long> kinds = new TreeMap<>();
    byKind.forEach((k, v) -> kinds.put(k, v.sum()));
    Map<String, Long> tables = new TreeMap<>();
    byKindAndTable.forEach((k, v) -> tables.put(k, v.sum()));
    Map<String, Long> tableNanos = new TreeMap<>();
    nanosByKindAndTable.forEach((k, v) -> tableNanos.put(k, v.sum()));
    Map<String, Map<String, Long>> steps = new TreeMap<>();
    byStep.forEach((step, tablesOfStep) -> {
      Map<String, Long> counts = new TreeMap<>();
      tablesOfStep.forEach((k, v) -> counts.put(k, v.sum()));
      steps.put(step, counts);
    });
    Map<String, Map<String, Long>> stepStatements = new TreeMap<>();
    byStepAndSql.forEach((step, statements) -> {
      Map<String, Long> counts = new java.util.HashMap<>();
      statements.forEach((k, v) -> counts.put(k, v.sum()));
      stepStatements.put(step, counts);
    });
    return new Snapshot(kinds, tables, tableNanos, roundTrips.sum(), nanos.sum(), steps, stepStatements);
  }

  /**
   * Statements by kind, by "KIND TABLE", JDBC time (ns) by "KIND TABLE", round trips, JDBC time (ns), and
   * statements by step and "KIND TABLE", and by step and SQL text.
   */
  record Snapshot(Map<String, Long> byKind, Map<String, Long> byKindAndTable, Map<String, Long> nanosByKindAndTable,
      long roundTrips, long nanos, Map<String, Map<String, Long>> byStep, Map<String, Map<String, Long>> byStepAndSql) {

    Snapshot minus(Snapshot before) {
      return new Snapshot(diff(byKind, before.byKind), diff(byKindAndTable, before.byKindAndTable),
          diff(nanosByKindAndTable, before.nanosByKindAndTable), roundTrips - before.roundTrips, nanos - before.nanos,
          nestedDiff(byStep, before.byStep), nestedDiff(byStepAndSql, before.byStepAndSql));
    }

    private static Map<String, Map<String, Long>> nestedDiff(Map<String, Map<String, Long>> after,
        Map<String, Map<String, Long>> before) {
      Map<String, Map<String, Long>> result = new TreeMap<>();
      after.forEach((step, counts) -> {
        Map<String, Long> diff = diff(counts, before.getOrDefault(step, Map.of()));
        if (!diff.isEmpty()) {
          result.put(step, diff);
        }
      });
      return result;
    }

    /** All statements of each step, most first. */
    Map<String, Long> stepTotals() {
      Map<String, Long> totals = new java.util.LinkedHashMap<>();
      byStep.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum()))
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> totals.put(e.getKey(), e.getValue()));
      return totals;
    }

    private static Map<String, Long> diff(Map<String, Long> after, Map<String, Long> before) {
      Map<String, Long> result = new TreeMap<>(after);
      before.forEach((k, v) -> result.merge(k, -v, Long::sum));
      result.values().removeIf(v -> v == 0);
      return result;
    }

    long total() {
      return byKind.values().stream().mapToLong(Long::longValue).sum();
    }

    long of(String kind) {
      return byKind.getOrDefault(kind, 0L);
    }
  }

  private Connection wrapConnection(Connection target) {
    return proxy(Connection.class, target, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      String name = method.getName();
      if (result instanceof CallableStatement statement) {
        return wrapStatement(CallableStatement.class, statement, (String) args[0]);
      }
      if (result instanceof PreparedStatement statement && (name.equals("prepareStatement"))) {
        return wrapStatement(PreparedStatement.class, statement, (String) args[0]);
      }
      if (result instanceof Statement statement && name.equals("createStatement")) {
        return wrapStatement(Statement.class, statement, null);
      }
      return result;
    });
  }

  private <S extends Statement> S wrapStatement(Class<S> type, S target, String preparedSql) {
    int[] batched = {0};
    String[] lastBatchSql = {null};
    return proxy(type, target, (proxy, method, args) -> {
      String name = method.getName();
      if (name.equals("addBatch")) {
        batched[0]++;
        if (args != null && args.length == 1 && args[0] instanceof String sql) {
          lastBatchSql[0] = sql;
        }
        return invoke(target, method, args);
      }
      boolean executes = name.startsWith("execute");
      if (!executes || PAUSED.get()) {
        if (name.equals("executeBatch") || name.equals("executeLargeBatch") || name.equals("clearBatch")) {
          batched[0] = 0;
        }
        return invoke(target, method, args);
      }
      String sql = preparedSql != null ? preparedSql
          : args != null && args.length > 0 && args[0] instanceof String s ? s : lastBatchSql[0];
      int count = 1;
      if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        count = Math.max(batched[0], 1);
        batched[0] = 0;
      }
      long start = System.nanoTime();
      try {
        return invoke(target, method, args);
      } finally {
        long elapsed = System.nanoTime() - start;
        nanos.add(elapsed);
        roundTrips.increment();
        record(sql, count, elapsed);
      }
    });
  }

  private void record(String sql, int count, long elapsed) {
    String key = sql == null ? "OTHER" : kindCache.computeIfAbsent(sql, SqlCounter::classify);
    byKind.computeIfAbsent(key.substring(0, key.indexOf(' ') < 0 ? key.length() : key.indexOf(' ')),
        k -> new LongAdder()).add(count);
    byKindAndTable.computeIfAbsent(key, k -> new LongAdder()).add(count);
    nanosByKindAndTable.computeIfAbsent(key, k -> new LongAdder()).add(elapsed);
    String step = stepOfThread();
    byStep.computeIfAbsent(step, k -> new ConcurrentHashMap<>()).computeIfAbsent(key, k -> new LongAdder()).add(count);
    byStepAndSql.computeIfAbsent(step, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(sql == null ? "?" : sql, k -> new LongAdder()).add(count);
    if (sql != null) {
      long[] stats = bySql.computeIfAbsent(sql, k -> new long[2]);
      synchronized (stats) {
        stats[0] += count;
        stats[1] += elapsed;
      }
    }
  }

  private static String stepOfThread() {
    String step = STEP.get();
    // pool threads are told apart by their name without the number
    return step != null ? step : "thread " + Thread.currentThread().getName().replaceAll("[-_ ]?\\d+$", "");
  }

  /** Count and JDBC nanoseconds per distinct SQL text, so far. */
  Map<String, long[]> bySql() {
    Map<String, long[]> copy = new java.util.HashMap<>();
    bySql.forEach((sql, stats) -> {
      synchronized (stats) {
        copy.put(sql, stats.clone());
      }
    });
    return copy;
  }

  /** The statements that took the most JDBC time between two {@link #bySql()} copies. */
  static java.util.List<Map<String, Object>> top(Map<String, long[]> before, Map<String, long[]> after, int limit,
      int perCaseDivisor) {
    java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
    after.forEach((sql, stats) -> {
      long[] was = before.getOrDefault(sql, new long[2]);
      long count = stats[0] - was[0];
      long nanos = stats[1] - was[1];
      if (count > 0) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("sql", sql.replaceAll("\\s+", " ").strip());
        row.put("countPerCase", (double) count / perCaseDivisor);
        row.put("jdbcMillisPerCase", nanos / 1e6 / perCaseDivisor);
        row.put("meanMillis", nanos / 1e6 / count);
        rows.add(row);
      }
    });
    rows.sort((a, b) -> Double.compare((double) b.get("jdbcMillisPerCase"), (double) a.get("jdbcMillisPerCase")));
    return rows.subList(0, Math.min(limit, rows.size()));
  }

  /** "SELECT ACT_RU_TASK", "INSERT ACT_HI_DETAIL", ... */
  static String classify(String sql) {
    String trimmed = sql.stripLeading();
    String first = trimmed.length() < 6 ? trimmed.toUpperCase(Locale.ROOT)
        : trimmed.substring(0, 6).toUpperCase(Locale.ROOT);
    String kind = switch (first) {
      case "SELECT" -> "SELECT";
      case "INSERT" -> "INSERT";
      case "UPDATE" -> "UPDATE";
      case "DELETE" -> "DELETE";
      default -> trimmed.toUpperCase(Locale.ROOT).startsWith("WITH") ? "SELECT" : "OTHER";
    };
    Matcher matcher = TABLE.matcher(trimmed);
    String table = matcher.find() ? matcher.group(1).toUpperCase(Locale.ROOT) : "?";
    if (table.startsWith("(")) {
      table = "?";
    }
    return kind + " " + table;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals("equals") && args != null && args.length == 1) {
        return proxy == args[0];
      }
      if (method.getName().equals("hashCode") && args == null) {
        return System.identityHashCode(proxy);
      }
      if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
          && wanted.isInstance(proxy) && !wanted.isInstance(target)) {
        return proxy;
      }
      return handler.invoke(proxy, method, args);
    });
  }
}
