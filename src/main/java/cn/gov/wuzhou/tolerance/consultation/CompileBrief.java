package cn.gov.wuzhou.tolerance.consultation;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Circumstance;
import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.CaseStatistics;
import cn.gov.wuzhou.tolerance.registry.CaseStatistics.Summary;
import cn.gov.wuzhou.tolerance.registry.UnitScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code compileBrief} (汇编会商材料): the state of the level's cases over the last three
 * months, from the registry and the engine's history, as the text both bodies read before they meet.
 */
@Component("compileBrief")
public class CompileBrief implements JavaDelegate {

  private final CaseStatistics statistics;
  private final Today today;
  private final ConsultationLevels levels;

  public CompileBrief(CaseStatistics statistics, Today today, ConsultationLevels levels) {
    this.statistics = statistics;
    this.today = today;
    this.levels = levels;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ConsultationLevel level = levels.parse(text(execution, "level"));
    LocalDate to = today.date();
    Summary summary = statistics.summarize(UnitScope.of(List.of(level.unitGroupPattern())), to.minusMonths(3), to);
    execution.setVariable("brief", brief(level, summary));
  }

  static String brief(ConsultationLevel level, Summary summary) {
    long decided = summary.decidedByDetermination().values().stream().mapToLong(Long::longValue).sum();
    StringJoiner text = new StringJoiner("\n");
    text.add(level.name() + "容错纠错工作情况（" + summary.from() + " 至 " + summary.to() + "）");
    text.add("");
    text.add("- 新受理错情报告 " + summary.opened() + " 件；不属于适用范围 " + summary.notApplicable() + " 件");
    text.add("- 作出认定 " + decided + " 件：" + counts(summary.decidedByDetermination(),
        code -> Determination.valueOf(code).label()));
    text.add("- 按情形：" + counts(summary.decidedByCircumstance(), code -> Circumstance.valueOf(code).label()));
    text.add("- 办理中的案件 " + summary.openCases() + " 件，其中整改逾期未完成 " + summary.overdueCorrections() + " 件");
    text.add("- 一事一议进行中 " + summary.openDeliberations() + " 件");
    return text.toString();
  }

  private static String counts(Map<String, Long> counts, Function<String, String> label) {
    if (counts.isEmpty()) {
      return "无";
    }
    StringJoiner joined = new StringJoiner("、");
    counts.forEach((code, count) -> joined.add(label.apply(code) + " " + count + " 件"));
    return joined.toString();
  }
}
