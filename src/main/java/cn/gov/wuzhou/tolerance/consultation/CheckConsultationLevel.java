package cn.gov.wuzhou.tolerance.consultation;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start listener of a consultation: settles the level and the two bodies that consult at it. A
 * person starting one by hand must belong to one of those bodies (or be an administrator).
 */
@Component("checkConsultationLevel")
public class CheckConsultationLevel implements ExecutionListener {

  private final IdentityService identityService;
  private final ConsultationLevels levels;

  public CheckConsultationLevel(IdentityService identityService, ConsultationLevels levels) {
    this.identityService = identityService;
    this.levels = levels;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ConsultationLevel level = levels.parse(new Fields(execution).text("level", "会商层级", 16));
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller != null) {
      List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
      if (!groups.contains(level.disciplineGroup()) && !groups.contains(level.organizationGroup())
          && !groups.contains(Agencies.ADMIN_GROUP)) {
        throw new InvalidFieldException("level", "会商层级",
            "：当前用户 " + caller.getUserId() + " 不属于" + level.name() + "的纪检监察机关或组织部门");
      }
    }
    execution.setVariable("level", level.code());
    execution.setVariable("levelName", level.name());
    execution.setVariable("disciplineGroup", level.disciplineGroup());
    execution.setVariable("organizationGroup", level.organizationGroup());
    execution.setVariable("partyCommitteeGroup", level.partyCommitteeGroup());
  }
}
