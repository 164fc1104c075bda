package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Fields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task {@code confirmOfficialRoles} (M6): before the protection notices go out, the organization department confirms
 * the official's roles (党代表, 人大代表, 政协委员, 后备干部), which decide who takes note. A correction needs its
 * reason; the roles reported are kept ({@code officialRolesReported}) and {@code rolesCorrection} says what changed
 * and why. The notices then follow the confirmed roles.
 */
@Component("confirmOfficialRoles")
public class ConfirmOfficialRoles implements TaskListener {

  static final String BEFORE = "officialRolesBefore";
  static final String REPORTED = "officialRolesReported";

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // what the task showed, to tell a correction from a confirmation when it completes
      task.setVariableLocal(BEFORE, OfficialRoles.checked(text(task, OfficialRoles.FIELD)));
      return;
    }
    Fields fields = new Fields(task);
    String before = (String) task.getVariableLocal(BEFORE);
    String confirmed = OfficialRoles.checked(fields.optionalText(OfficialRoles.FIELD, OfficialRoles.LABEL, 200));
    DelegateExecution execution = task.getExecution();
    execution.setVariable(OfficialRoles.FIELD, confirmed);
    if (confirmed.equals(before)) {
      return;
    }
    String reason = fields.text("rolesCorrectionReason", "身份更正理由", 1000);
    if (!execution.hasVariable(REPORTED)) {
      execution.setVariable(REPORTED, before);
    }
    execution.setVariable("officialRolesText", words(confirmed));
    execution.setVariable("rolesCorrection",
        "组织部门将当事人身份由“" + words(before) + "”更正为“" + words(confirmed) + "”，理由：" + reason);
  }

  private static String words(String roles) {
    return roles.isEmpty() ? "无" : OfficialRoles.labels(roles);
  }
}
