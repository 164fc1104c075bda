package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.CallableFromModels;
import cn.gov.wuzhou.tolerance.common.Department;
import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who takes note of a tolerated official's protection notices (M6): the case's organization department,
 * discipline-inspection body and HR, and its 人大常委会 / 政协 only for an official who is a deputy or member — all
 * of the case's level (the county's for a county unit). Read by the multi-instance task {@code acknowledgeProtection}:
 * {@code ${protectionNotices.groups(execution)}} is its collection.
 */
@CallableFromModels
@Component("protectionNotices")
public class ProtectionNotices {

  private final Jurisdiction jurisdiction;

  public ProtectionNotices(Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
  }

  /** The matters that concern this official, from the roles reported at the start. */
  public List<ProtectedMatter> matters(VariableScope scope) {
    List<String> roles = OfficialRoles.codes(text(scope, "officialRoles"));
    return Arrays.stream(ProtectedMatter.values()).filter(matter -> matter.concerns(roles)).toList();
  }

  /** The groups that take note, one task each. */
  public List<String> groups(VariableScope scope) {
    return matters(scope).stream().flatMap(matter -> matter.departments().stream()).distinct()
        .map(department -> group(scope, department)).distinct().toList();
  }

  /** The departments a group takes note for in this case. */
  public List<Department> departments(VariableScope scope, String group) {
    return Arrays.stream(Department.values()).filter(department -> group.equals(group(scope, department))).toList();
  }

  /** The matters a group takes note of, in words, for its task. */
  public String mattersOf(VariableScope scope, String group) {
    List<Department> departments = departments(scope, group);
    return matters(scope).stream().filter(matter -> matter.departments().stream().anyMatch(departments::contains))
        .map(ProtectedMatter::label).collect(Collectors.joining("、"));
  }

  private String group(VariableScope scope, Department department) {
    Role role = switch (department) {
      case ORGANIZATION -> Role.ORGANIZATION_DEPT;
      case DISCIPLINE -> Role.DISCIPLINE_INSPECTION;
      case HR -> Role.HR_SOCIAL_SECURITY;
      case NPC -> Role.NPC_STANDING_COMMITTEE;
      case CPPCC -> Role.CPPCC_COMMITTEE;
    };
    // a case started before its level's HR, 人大 and 政协 were bound goes to the city's, as it did then
    Object group = scope.getVariable(role.variable());
    return group == null ? jurisdiction.city().get(role) : (String) group;
  }
}
