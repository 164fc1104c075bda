package cn.gov.wuzhou.tolerance.prefiling;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Checks the work plan a unit files (start event) or supplements (task {@code supplementPrefiling}).
 * A bad field fails the start or the completion with an error naming it; nothing is stored.
 */
@Component("checkPrefilingPlan")
public class CheckPrefilingPlan implements ExecutionListener, TaskListener {

  private final Today today;

  public CheckPrefilingPlan(Today today) {
    this.today = today;
  }

  static final List<String> FILING_AUTHORITIES =
      List.of(Agencies.DISCIPLINE_INSPECTION, Agencies.DISPATCHED_DISCIPLINE_GROUP);

  @Override
  public void notify(DelegateExecution execution) {
    check(execution);
    // 纪委监委 means the unit's own level: a county unit files with its county's; 派驻组 the group that supervises
    // the unit (both bound at the start)
    execution.setVariable("filingAuthorityGroup", execution.getVariable(
        (Agencies.DISCIPLINE_INSPECTION.equals(execution.getVariable("filingAuthority"))
            ? Role.DISCIPLINE_INSPECTION : Role.DISPATCHED_DISCIPLINE_GROUP).variable()));
  }

  @Override
  public void notify(DelegateTask task) {
    check(task);
  }

  private void check(VariableScope variables) {
    Fields fields = new Fields(variables);
    fields.text("planTitle", "方案名称", 200);
    fields.text("planSummary", "方案内容摘要", 4000);
    fields.code("workCategory", "工作类别", WorkCategory.class);
    fields.code("innovationNature", "创新性质", InnovationNature.class);
    fields.text("riskAssessment", "风险评估", 4000);
    notUnderWay(fields.date("plannedStart", "计划实施日期"), today.date());
    fields.oneOf("filingAuthority", "备案机关", FILING_AUTHORITIES);
  }

  /** 事前 means before: a plan already under way on the day it would be filed or registered is no 事前备案. */
  static void notUnderWay(LocalDate plannedStart, LocalDate day) {
    if (plannedStart.isBefore(day)) {
      throw new InvalidFieldException("plannedStart", "计划实施日期", "（" + plannedStart + "）早于今天（" + day
          + "），方案已开始实施，不属于事前备案：事前备案须在实施前提出");
    }
  }
}
