package cn.gov.wuzhou.tolerance.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * unit group. A caller may only report for a unit it belongs to (administrators for any) — except that a case of
 * 容错纠错 weighed inside a 问责 matter is opened by the unit's own level's 纪委监委 or 问责承办机关 naming the unit
 * ({@code openingBody} records which); a county's body cannot open one for a city unit, nor the city's for a county's.
 */
@Component("bindReportingUnit")
public class BindReportingUnit implements ExecutionListener {

  static final String UNIT_GROUP = "unitGroup";
  // the start forms' label of the field: 备案单位 on a pre-filing, 报告单位 on a case
  static final String UNIT_LABEL = "报告单位";
  static final String FILING_UNIT_LABEL = "备案单位";
  /** The bodies that may open a case for a unit of their level, besides the unit itself. */
  static final List<Role> OPENING_BODIES = List.of(Role.DISCIPLINE_INSPECTION, Role.ACCOUNTABILITY_OFFICE);

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
    boolean prefiling = execution.getProcessDefinitionId().startsWith("prefiling:");
    String label = prefiling ? FILING_UNIT_LABEL : UNIT_LABEL;
    String unitGroup = fields.optionalText(UNIT_GROUP, label, 64);
    if (unitGroup == null) {
      unitGroup = unitOf(caller, label);
    }
    Group unit = identityService.createGroupQuery().groupId(unitGroup).singleResult();
    if (unit == null || !Agencies.isUnit(unitGroup)) {
      throw new InvalidFieldException(UNIT_GROUP, label, "的取值 " + unitGroup + " 不是已登记的单位");
    }
    Map<Role, String> unitBodies = bodies.of(unitGroup);
    if (caller != null && !isMemberOrAdmin(caller, unitGroup)) {
      Optional<String> opener = prefiling ? Optional.empty() : OPENING_BODIES.stream().map(unitBodies::get)
          .filter(group -> groupsOf(caller).contains(group)).findFirst();
      if (opener.isEmpty()) {
        throw new InvalidFieldException(UNIT_GROUP, label, prefiling
            ? "：只能为本单位备案，当前用户不属于" + unit.getName()
            : "：" + unit.getName() + "的容错纠错事项只能由本单位，或" + nameOf(unitBodies.get(Role.DISCIPLINE_INSPECTION))
                + "、" + nameOf(unitBodies.get(Role.ACCOUNTABILITY_OFFICE)) + "在问责中启动");
      }
      execution.setVariable("openingBody", nameOf(opener.get()));
    }
    execution.setVariable(UNIT_GROUP, unitGroup);
    // the unit's name as the identity store knows it, whatever a client may have claimed
    execution.setVariable("unitName", unit.getName());
    // the bodies that handle the unit's matters, kept for the whole case even if the configuration changes
    unitBodies.forEach((role, group) -> execution.setVariable(role.variable(), group));
    grant(unitGroup, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
    grant(unitGroup, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(), HistoricProcessInstancePermissions.READ);
  }

  private static String unitOf(Authentication caller, String label) {
    List<String> units = caller == null || caller.getGroupIds() == null ? List.of()
        : caller.getGroupIds().stream().filter(Agencies::isUnit).toList();
    if (units.size() != 1) {
      throw new InvalidFieldException(UNIT_GROUP, label, units.isEmpty()
          ? "不能为空：当前用户不属于任何报告单位；纪委监委或问责承办机关在问责中启动的，须填写所涉单位"
          : "不能为空：当前用户属于多个单位 " + units + "，请选择代表哪个单位");
    }
    return units.get(0);
  }

  private static boolean isMemberOrAdmin(Authentication caller, String unitGroup) {
    return groupsOf(caller).contains(unitGroup) || groupsOf(caller).contains(Agencies.ADMIN_GROUP);
  }

  private static List<String> groupsOf(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }

  private String nameOf(String groupId) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
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
