package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The 一事一议 deliberation (M7) under {@code tolerance.deliberation}.
 *
 * @param agencies              the roles whose body, at the matter's level, the accountability office asks for an
 *                              opinion on every complex matter
 * @param functionalDepartments per level ({@code city} or a county code) the 职能部门 the office may 商请 besides, as
 *                              group id and name; a county's department of a kind is {@code <county>-<kind>}, and a
 *                              county that has none of a kind may ask the city's
 */
@ConfigurationProperties("tolerance.deliberation")
public record DeliberationProperties(List<Role> agencies, Map<String, Map<String, String>> functionalDepartments) {

  public static final String CITY = "city";

  public DeliberationProperties {
    agencies = agencies == null || agencies.isEmpty()
        ? List.of(Role.DISCIPLINE_INSPECTION, Role.ORGANIZATION_DEPT, Role.HR_SOCIAL_SECURITY, Role.STAFFING_OFFICE,
            Role.JUSTICE_BUREAU)
        : List.copyOf(agencies);
    functionalDepartments = functionalDepartments == null ? Map.of() : new LinkedHashMap<>(functionalDepartments);
  }

  /** The level's 职能部门: group id and name. */
  public Map<String, String> departmentsOf(String level) {
    return functionalDepartments.getOrDefault(level, Map.of());
  }

  /** Every level's 职能部门, for the identity store. */
  public List<Agencies.GroupSpec> departmentGroups() {
    return functionalDepartments.values().stream().flatMap(departments -> departments.entrySet().stream())
        .map(entry -> new Agencies.GroupSpec(entry.getKey(), entry.getValue(), Agencies.TYPE_AGENCY)).distinct().toList();
  }
}
