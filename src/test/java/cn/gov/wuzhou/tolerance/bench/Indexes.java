package cn.gov.wuzhou.tolerance.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prototype of a candidate change (benchmark only): extra indexes for the Tasklist filters, tried
 * at the largest number of open cases on the same data, before and after, then dropped again.
 */
final class Indexes {

  /** H2: composite indexes for the joins of the filter query (identity links by group, authorizations by resource). */
  static final List<String[]> H2 = List.of(
      new String[] {"BENCH_IDX_IDL_GROUP_TASK", "CREATE INDEX BENCH_IDX_IDL_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)"},
      new String[] {"BENCH_IDX_AUTH_RES", "CREATE INDEX BENCH_IDX_AUTH_RES ON ACT_RU_AUTHORIZATION "
          + "(RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, GROUP_ID_, USER_ID_, PERMS_)"});

  /**
   * PostgreSQL: the same indexes, plus statistics on the correlated columns of ACT_RU_AUTHORIZATION
   * (the permission-bit statistics that fixed the task list's plan are the application's own since
   * migration V4, see AuthorizationStatisticsMigration).
   */
  static final List<String[]> POSTGRES = List.of(
      H2.get(0), H2.get(1),
      new String[] {"BENCH_STAT_AUTH_DEP", "CREATE STATISTICS BENCH_STAT_AUTH_DEP (dependencies, mcv) ON TYPE_, GROUP_ID_, "
          + "RESOURCE_TYPE_ FROM ACT_RU_AUTHORIZATION"});

  private Indexes() {}

  static Map<String, Object> experiment(BenchSystem system, Growth growth, RestChannel rest, JavaChannel java,
      int openCases) {
    ToleranceCaseBenchmark.log("indexes: measuring without, then with the candidate indexes/statistics");
    Map<String, Object> result = new LinkedHashMap<>();
    Growth.Level before = growth.measure(openCases, 0, rest, java, "without");
    boolean postgres = system.databaseLabel.equals("PostgreSQL");
    List<String[]> candidates = postgres ? POSTGRES : H2;
    List<String> ddl = candidates.stream().map(c -> c[1]).toList();
    SqlCounter.paused(() -> {
      ddl.forEach(system.jdbc::execute);
      return null;
    });
    Growth.Level after;
    try {
      after = growth.measure(openCases, 0, rest, java, "with"); // runs ANALYZE first on PostgreSQL
    } finally {
      SqlCounter.paused(() -> {
        candidates.forEach(c -> system.jdbc.execute((c[0].startsWith("BENCH_STAT") ? "DROP STATISTICS " : "DROP INDEX ") + c[0]));
        return null;
      });
    }
    result.put("openCases", openCases);
    result.put("indexes", ddl);
    result.put("before", before.byViewer());
    result.put("after", after.byViewer());
    result.put("costPerCallBefore", before.costPerCall());
    result.put("costPerCallAfter", after.costPerCall());
    return result;
  }
}
