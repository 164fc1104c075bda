package cn.gov.wuzhou.tolerance.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start listener of every process a unit starts: settles {@code unitGroup}, {@code unitName} (the group's
 * name in the identity store) and the groups that handle the unit's matters ({@link UnitBodies}), and lets
 * that unit, and no other, read the new case.
 *
 * <p>A clerk starting from Tasklist sends no {@code unitGroup}: it is taken from the clerk's one
 * unit group. A caller may only report for a unit it belongs to (administrators for any).
 */
@Component("bindReportingUnit")
public class BindReportingUnit implements ExecutionListener {

  static final String UNIT_GROUP = "unitGroup";
  // the start forms' label of the field: 备案单位 on a pre-filing, 报告单位 on a case
  static final String UNIT_LABEL = "报告单位";
  static final String FILING_UNIT_LABEL = "备案单位";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final UnitBodies bodies;

  public BindReportingUnit(IdentityService identityService, AuthorizationService authorizationService,
      UnitBodies bodies) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.bodies = bodies;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Fields fields = new Fields(execution);
    Authentication caller = identityService.getCurrentAuthentication();
    String label = execution.getProcessDefinitionId().startsWith("prefiling:") ? FILING_UNIT_LABEL : UNIT_LABEL;
    String unitGroup = fields.optionalText(UNIT_GROUP, label, 64);
    if (unitGroup == null) {
      unitGroup = unitOf(caller, label);
    }
    Group unit = identityService.createGroupQuery().groupId(unitGroup).singleResult();
    if (unit == null || !Agencies.isUnit(unitGroup)) {
      throw new InvalidFieldException(UNIT_GROUP, label, "的取值 " + unitGroup + " 不是已登记的单位");
    }
    if (caller != null && !isMemberOrAdmin(caller, unitGroup)) {
      throw new InvalidFieldException(UNIT_GROUP, label, "：当前用户 " + caller.getUserId() + " 不属于单位 " + unitGroup);
    }
    execution.setVariable(UNIT_GROUP, unitGroup);
    // the unit's name as the identity store knows it, whatever a client may have claimed
    execution.setVariable("unitName", unit.getName());
    // the bodies that handle the unit's matters, kept for the whole case even if the configuration changes
    bodies.of(unitGroup).forEach((role, group) -> execution.setVariable(role.variable(), group));
    grant(unitGroup, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
    grant(unitGroup, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(), HistoricProcessInstancePermissions.READ);
  }

  private static String unitOf(Authentication caller, String label) {
    List<String> units = caller == null || caller.getGroupIds() == null ? List.of()
        : caller.getGroupIds().stream().filter(Agencies::isUnit).toList();
    if (units.size() != 1) {
      throw new InvalidFieldException(UNIT_GROUP, label, units.isEmpty()
          ? "不能为空：当前用户不属于任何报告单位"
          : "不能为空：当前用户属于多个单位 " + units + "，请选择代表哪个单位");
    }
    return units.get(0);
  }

  private static boolean isMemberOrAdmin(Authentication caller, String unitGroup) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return groups.contains(unitGroup) || groups.contains(Agencies.ADMIN_GROUP);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }
}
