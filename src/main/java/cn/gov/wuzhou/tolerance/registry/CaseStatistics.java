package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts over the registry and the engine's runtime and history, for the consultation brief and the
 * statistics API. Units are selected by a SQL LIKE pattern on their group id ({@code unit-%} for all).
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

  public CaseStatistics(JdbcTemplate jdbc, HistoryService historyService, RuntimeService runtimeService, Today today) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.today = today;
  }

  public Summary summarize(String unitPattern, LocalDate from, LocalDate to) {
    long opened = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CASE_PROCESS)
        .variableValueLike("unitGroup", unitPattern)
        .startedAfter(today.startOf(from))
        .startedBefore(today.startOf(to.plusDays(1)))
        .count();
    long notApplicable = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CASE_PROCESS)
        .variableValueLike("unitGroup", unitPattern)
        .variableValueEquals("determination", "NOT_APPLICABLE")
        .finishedAfter(today.startOf(from))
        .finishedBefore(today.startOf(to.plusDays(1)))
        .count();
    long openCases = runtimeService.createProcessInstanceQuery().processDefinitionKey(CASE_PROCESS)
        .variableValueLike("unitGroup", unitPattern).count();
    long overdue = runtimeService.createProcessInstanceQuery().processDefinitionKey(CASE_PROCESS)
        .variableValueLike("unitGroup", unitPattern)
        .activityIdIn(CORRECTION_TASKS)
        .variableValueLessThan("correctionDeadline", to.toString())
        .count();
    long deliberations = runtimeService.createProcessInstanceQuery().processDefinitionKey(DELIBERATION_PROCESS)
        .variableValueLike("unitGroup", unitPattern).count();
    return new Summary(from, to, opened, decided("determination", unitPattern, from, to),
        decided("circumstance", unitPattern, from, to), notApplicable, openCases, overdue, deliberations);
  }

  private Map<String, Long> decided(String column, String unitPattern, LocalDate from, LocalDate to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query("SELECT " + column + ", COUNT(*) FROM decision WHERE unit_group LIKE ? AND decided_on BETWEEN ? AND ? "
            + "GROUP BY " + column + " ORDER BY " + column,
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        }, unitPattern, from, to);
    return counts;
  }
}
