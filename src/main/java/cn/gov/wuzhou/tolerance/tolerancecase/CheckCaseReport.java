package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
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
  private final PrefilingRegistry prefilings;

  public CheckCaseReport(Today today, PrefilingRegistry prefilings) {
    this.today = today;
    this.prefilings = prefilings;
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
    String prefilingNo = fields.optionalText("prefilingNo", "事前备案编号", 20);
    if (prefilingNo != null) {
      // chosen from the unit's own registered filings; whether it counts as 事前 is for the link step to say
      String unitGroup = text(execution, "unitGroup");
      if (prefilings.find(prefilingNo).filter(filing -> filing.unitGroup().equals(unitGroup)).isEmpty()) {
        throw new InvalidFieldException("prefilingNo", "事前备案编号", "（" + prefilingNo + "）不是本单位已登记的事前备案，"
            + "请从本单位的备案中选择，或不填");
      }
      execution.setVariable("prefilingNo", prefilingNo);
    }

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
