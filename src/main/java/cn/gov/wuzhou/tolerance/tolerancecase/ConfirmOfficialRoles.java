package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
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

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // what the task showed, to tell a correction from a confirmation when it completes
      OfficialRoles.remember(task);
      return;
    }
    Fields fields = new Fields(task);
    String before = OfficialRoles.shown(task);
    String confirmed = OfficialRoles.confirm(task, fields);
    if (confirmed.equals(before)) {
      return;
    }
    String reason = fields.text("rolesCorrectionReason", "身份更正理由", 1000);
    task.getExecution().setVariable("rolesCorrection",
        "组织部门将当事人身份" + OfficialRoles.change(before, confirmed) + "，理由：" + reason);
  }
}
