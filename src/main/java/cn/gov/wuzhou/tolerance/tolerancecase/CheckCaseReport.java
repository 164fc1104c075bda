package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code toleranceCase}: checks the error report (错情报告) a unit files. A bad
 * field fails the start with an error naming it, so no case, job or record is left behind.
 */
@Component("checkCaseReport")
public class CheckCaseReport implements ExecutionListener {

  private final Today today;

  public CheckCaseReport(Today today) {
    this.today = today;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Fields fields = new Fields(execution);
    fields.text("officialName", "当事人姓名", 50);
    fields.text("officialId", "人员编号", 32);
    fields.text("officialPosition", "当事人职务", 100);
    // kept as reported: the accountability office may correct them, and the record shows what it changed
    execution.setVariable(Reclassification.REPORTED_OFFICIAL_CATEGORY,
        fields.code("officialCategory", "人员类别", OfficialCategory.class).name());
    execution.setVariable(Reclassification.REPORTED_WORK_CATEGORY,
        fields.code("workCategory", "工作类别", WorkCategory.class).name());
    execution.setVariable(Reclassification.REPORTED_ERROR_TYPE, fields.code("errorType", "错情类型", ErrorType.class).name());
    fields.text("errorDescription", "错情经过", 4000);
    String roles = fields.optionalText(OfficialRoles.FIELD, OfficialRoles.LABEL, 200);
    OfficialRoles.checked(roles);
    execution.setVariable("officialRolesText", roles == null ? "无" : OfficialRoles.labels(roles));
    fields.optionalText("prefilingNo", "事前备案编号", 20);

    LocalDate now = today.date();
    LocalDate discoveredOn = fields.date("discoveredOn", "发现日期");
    if (discoveredOn.isAfter(now)) {
      throw new InvalidFieldException("discoveredOn", "发现日期", "不能晚于今天（" + now + "）");
    }
    LocalDate reportedOn = fields.optionalDate("reportedOn", "报告日期");
    if (reportedOn == null) {
      execution.setVariable("reportedOn", now.toString());
    } else if (reportedOn.isBefore(discoveredOn)) {
      throw new InvalidFieldException("reportedOn", "报告日期", "不能早于发现日期（" + discoveredOn + "）");
    } else if (reportedOn.isAfter(now)) {
      throw new InvalidFieldException("reportedOn", "报告日期", "不能晚于今天（" + now + "）");
    }
  }
}
