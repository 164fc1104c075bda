package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.common.Today;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts over the registry and the engine's runtime and history, for the consultation brief and the
 * statistics API. Units are selected by a SQL LIKE pattern on their group id ({@code unit-%} for all).
 * The engine queries run without the caller's authorization checks: the scope is the caller's rights.
 */
@Component
public class CaseStatistics {

  static final String CASE_PROCESS = "toleranceCase";
  static final String DELIBERATION_PROCESS = "complexMatterDeliberation";
  static final String[] CORRECTION_TASKS = {"submitCorrectionPlan", "reportCorrectionCompleted", "verifyCorrection"};

  /** Counts for the units matching a pattern; {@code opened} and the decided counts cover the period only. */
  public record Summary(LocalDate from, LocalDate to, long opened, Map<String, Long> decidedByDetermination,
      Map<String, Long> decidedByCircumstance, long notApplicable, long openCases, long overdueCorrections,
      long openDeliberations) {}

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final Today today;
  private final CommandExecutor commandExecutor;

  public CaseStatistics(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine, Today today) {
    this.jdbc = jdbc;
    this.historyService = engine.getHistoryService();
    this.runtimeService = engine.getRuntimeService();
    this.today = today;
    this.commandExecutor = engine.getCommandExecutorTxRequired();
  }

  public Summary summarize(UnitScope scope, LocalDate from, LocalDate to) {
    return commandExecutor.execute(context -> {
      context.disableAuthorizationCheck();
      return count(scope, from, to);
    });
  }

  private Summary count(UnitScope scope, LocalDate from, LocalDate to) {
    List<String> patterns = scope.all() ? List.of("unit-%") : scope.unitPatterns();
    long opened = sum(patterns, pattern -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CASE_PROCESS)
        .variableValueLike("unitGroup", pattern)
        .startedAfter(today.startOf(from))
        .startedBefore(today.startOf(to.plusDays(1)))
        .count());
    long notApplicable = sum(patterns, pattern -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CASE_PROCESS)
        .variableValueLike("unitGroup", pattern)
        .variableValueEquals("determination", "NOT_APPLICABLE")
        .finishedAfter(today.startOf(from))
        .finishedBefore(today.startOf(to.plusDays(1)))
        .count());
    long openCases = sum(patterns, pattern -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CASE_PROCESS)
        .variableValueLike("unitGroup", pattern)
        .count());
    long overdue = sum(patterns, pattern -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CASE_PROCESS)
        .variableValueLike("unitGroup", pattern)
        .activityIdIn(CORRECTION_TASKS)
        .variableValueLessThan("correctionDeadline", to.toString())
        .count());
    long deliberations = sum(patterns, pattern -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(DELIBERATION_PROCESS)
        .variableValueLike("unitGroup", pattern)
        .count());
    return new Summary(from, to, opened, decided("determination", scope, from, to),
        decided("circumstance", scope, from, to), notApplicable, openCases, overdue, deliberations);
  }

  /** Decisions in the period per unit group, for callers that break them down by level. */
  public Map<String, Long> decidedByUnit(UnitScope scope, LocalDate from, LocalDate to) {
    return decided("unit_group", scope, from, to);
  }

  /** Decisions in the period per month ({@code yyyy-MM}), every month of the period present, oldest first. */
  public Map<String, Long> decidedByMonth(UnitScope scope, LocalDate from, LocalDate to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
      counts.put(month.toString(), 0L);
    }
    // the month as yyyymm, written the same in H2 and PostgreSQL (whose EXTRACT answers a numeric)
    decided("EXTRACT(YEAR FROM decided_on) * 100 + EXTRACT(MONTH FROM decided_on)", scope, from, to)
        .forEach((yyyymm, count) -> {
          int month = new BigDecimal(yyyymm).intValueExact();
          counts.put(YearMonth.of(month / 100, month % 100).toString(), count);
        });
    return counts;
  }

  private static long sum(List<String> patterns, ToLongFunction<String> count) {
    return patterns.stream().mapToLong(count).sum();
  }

  private Map<String, Long> decided(String column, UnitScope scope, LocalDate from, LocalDate to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Object> parameters = scope.addParameters(List.of());
    parameters.add(from);
    parameters.add(to);
    jdbc.query("SELECT " + column + ", COUNT(*) FROM decision WHERE " + scope.condition("unit_group")
            + " AND decided_on BETWEEN ? AND ? GROUP BY " + column + " ORDER BY " + column,
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        }, parameters.toArray());
    return counts;
  }
}
