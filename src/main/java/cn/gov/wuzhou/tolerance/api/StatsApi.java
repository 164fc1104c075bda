package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.Views.Code;
import cn.gov.wuzhou.tolerance.common.Circumstance;
import cn.gov.wuzhou.tolerance.common.Coded;
import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.consultation.ConsultationLevel;
import cn.gov.wuzhou.tolerance.consultation.ConsultationLevels;
import cn.gov.wuzhou.tolerance.registry.CaseStatistics;
import cn.gov.wuzhou.tolerance.registry.CaseStatistics.Summary;
import cn.gov.wuzhou.tolerance.registry.UnitScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "统计", description = "案件数量统计")
class StatsApi {

  record Count(String code, String label, long count) {}

  record StatsView(LocalDate from, LocalDate to, long openedCases, long notApplicable, long openCases,
      long overdueCorrections, long openDeliberations, List<Count> decidedByDetermination,
      List<Count> decidedByCircumstance, List<Count> decidedByLevel, List<Count> decidedByMonth) {}

  private final CaseStatistics statistics;
  private final Callers callers;
  private final Today today;
  private final ConsultationLevels levels;

  StatsApi(CaseStatistics statistics, Callers callers, Today today, ConsultationLevels levels) {
    this.levels = levels;
    this.statistics = statistics;
    this.callers = callers;
    this.today = today;
  }

  @GetMapping("/api/stats")
  @Operation(summary = "统计", description = "期间内受理和认定的案件（按认定结果、情形、层级），以及当前办理中、整改逾期、一事一议中的案件；"
      + "decidedByMonth 为期间内每月认定的案件数（code 为 yyyy-MM，没有认定的月份为 0）；期间默认为本年度，日期格式 yyyy-MM-dd")
  StatsView stats(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate end = to == null ? today.date() : to;
    LocalDate start = from == null ? end.withDayOfYear(1) : from;
    if (start.isAfter(end)) {
      throw ApiException.badRequest("参数 from（" + start + "）不能晚于 to（" + end + "）");
    }
    UnitScope scope = callers.current().units();
    Summary summary = statistics.summarize(scope, start, end);
    return new StatsView(start, end, summary.opened(), summary.notApplicable(), summary.openCases(),
        summary.overdueCorrections(), summary.openDeliberations(),
        counts(summary.decidedByDetermination(), Determination.class),
        counts(summary.decidedByCircumstance(), Circumstance.class),
        byLevel(statistics.decidedByUnit(scope, start, end)), byMonth(statistics.decidedByMonth(scope, start, end)));
  }

  private static <E extends Enum<E> & Coded> List<Count> counts(Map<String, Long> counts, Class<E> codes) {
    List<Count> result = new ArrayList<>();
    counts.forEach((code, count) -> {
      Code labelled = Views.code(codes, code);
      result.add(new Count(labelled.code(), labelled.label(), count));
    });
    return result;
  }

  private static List<Count> byMonth(Map<String, Long> byMonth) {
    return byMonth.entrySet().stream().map(entry -> {
      YearMonth month = YearMonth.parse(entry.getKey());
      return new Count(entry.getKey(), month.getYear() + "年" + month.getMonthValue() + "月", entry.getValue());
    }).toList();
  }

  /** A unit named {@code unit-<county>-…} belongs to that county; every other unit to the city. */
  private List<Count> byLevel(Map<String, Long> byUnit) {
    Map<ConsultationLevel, Long> byLevel = new LinkedHashMap<>();
    levels.all().forEach(level -> byLevel.put(level, 0L));
    byUnit.forEach((unit, count) -> {
      ConsultationLevel level = levels.all().stream().skip(1)
          .filter(county -> UnitScope.of(List.of(county.unitGroupPattern())).covers(unit))
          .findFirst().orElse(levels.city());
      byLevel.merge(level, count, Long::sum);
    });
    return byLevel.entrySet().stream()
        .map(entry -> new Count(entry.getKey().code(), entry.getKey().name(), entry.getValue())).toList();
  }
}
