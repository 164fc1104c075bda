package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code conveneDeliberation}: the topic and the date, and any agency the office asks besides
 * the configured ones must be one it may 商请 at the matter's level ({@link DeliberatingAgencies#resolve}) and an
 * agency of the identity store (not a unit, not an administrators' group).
 */
@Component("checkConvening")
public class CheckConvening implements TaskListener {

  private final DeliberatingAgencies agencies;
  private final IdentityService identityService;

  public CheckConvening(DeliberatingAgencies agencies, IdentityService identityService) {
    this.agencies = agencies;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    fields.text("deliberationTopic", "会商议题", 2000);
    fields.date("meetingDate", "会商日期");
    for (String kind : agencies.additional(task)) {
      Group group = agencies.resolve(task, kind)
          .map(id -> identityService.createGroupQuery().groupId(id).singleResult()).orElse(null);
      if (group == null || !Agencies.TYPE_AGENCY.equals(group.getType())) {
        throw new InvalidFieldException(DeliberatingAgencies.ADDITIONAL, "另行商请的部门", "中的 " + kind + " 不是本级可商请的部门");
      }
    }
  }
}
