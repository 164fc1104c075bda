package cn.gov.wuzhou.tolerance.prefiling;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
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

  private static void check(VariableScope variables) {
    Fields fields = new Fields(variables);
    fields.text("planTitle", "方案名称", 200);
    fields.text("planSummary", "方案内容摘要", 4000);
    fields.code("workCategory", "工作类别", WorkCategory.class);
    fields.code("innovationNature", "创新性质", InnovationNature.class);
    fields.text("riskAssessment", "风险评估", 4000);
    fields.date("plannedStart", "计划实施日期");
    fields.oneOf("filingAuthority", "备案机关", FILING_AUTHORITIES);
  }
}
