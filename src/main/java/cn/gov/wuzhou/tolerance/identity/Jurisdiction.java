package cn.gov.wuzhou.tolerance.identity;

import cn.gov.wuzhou.tolerance.common.County;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 市县两级: which body handles a unit's cases and pre-filings in each role. A unit whose group id is
 * {@code unit-<county>-…} belongs to that county and is handled by the county's body in each role, or by the
 * city's where the county has none; every other unit belongs to the city. Configured under
 * {@code tolerance.jurisdiction} in application.yaml.
 *
 * @param city     the city's group of each role
 * @param counties per county code ({@code tengxian}, …), the county's group of each role it has a body for
 */
@ConfigurationProperties("tolerance.jurisdiction")
public record Jurisdiction(Map<Role, String> city, Map<String, Map<Role, String>> counties) {

  /** The roles a case passes through that each county may fill itself. */
  public enum Role {
    PARTY_COMMITTEE("partyCommitteeGroup", "上级党委（党组）"),
    DISCIPLINE_INSPECTION("disciplineGroup", "纪委监委"),
    ORGANIZATION_DEPT("organizationGroup", "组织部"),
    ACCOUNTABILITY_OFFICE("accountabilityGroup", "问责承办机关");

    private final String variable;
    private final String label;

    Role(String variable, String label) {
      this.variable = variable;
      this.label = label;
    }

    /** The case variable that holds the group of this role, fixed when the case starts. */
    public String variable() {
      return variable;
    }

    /** The name of a county's body in this role, as the identity store shows it. */
    String countyBodyName(County county) {
      return switch (this) {
        case PARTY_COMMITTEE -> county.partyCommittee();
        case DISCIPLINE_INSPECTION -> county.label() + "纪委监委";
        case ORGANIZATION_DEPT -> county.partyCommittee() + "组织部";
        case ACCOUNTABILITY_OFFICE -> county.label() + label;
      };
    }
  }

  public Jurisdiction {
    city = city == null ? Map.of() : new EnumMap<>(city);
    for (Role role : Role.values()) {
      if (!city.containsKey(role)) {
        throw new IllegalStateException("tolerance.jurisdiction.city names no group for " + role);
      }
    }
    Map<String, Map<Role, String>> byCounty = new LinkedHashMap<>();
    (counties == null ? Map.<String, Map<Role, String>>of() : counties).forEach((code, bodies) -> {
      County.ofCode(code).orElseThrow(() -> new IllegalStateException(
          "tolerance.jurisdiction.counties: " + code + " is not a county of Wuzhou (" + Arrays.toString(County.values()) + ")"));
      // a role left empty, as an operator may blank it, means the county has no body of its own for it
      Map<Role, String> own = new EnumMap<>(Role.class);
      (bodies == null ? Map.<Role, String>of() : bodies).forEach((role, group) -> {
        if (group != null && !group.isBlank()) {
          own.put(role, group);
        }
      });
      byCounty.put(code, own);
    });
    counties = byCounty;
  }

  /** The group that handles the unit's matters in the role: its county's body, else the city's. */
  public String group(Role role, String unitGroup) {
    return County.ofUnit(unitGroup).map(county -> bodiesOf(county).get(role)).orElse(city.get(role));
  }

  /** The group of each role for the unit. */
  public Map<Role, String> groups(String unitGroup) {
    Map<Role, String> groups = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      groups.put(role, group(role, unitGroup));
    }
    return groups;
  }

  /** The county's own body in the role, or the city's where it has none. */
  public String group(Role role, County county) {
    return Optional.ofNullable(bodiesOf(county).get(role)).orElse(city.get(role));
  }

  /** The county whose own body this group is, if any. */
  public Optional<County> countyOfBody(String groupId) {
    return counties.entrySet().stream().filter(entry -> entry.getValue().containsValue(groupId))
        .map(entry -> County.ofCode(entry.getKey()).orElseThrow()).findFirst();
  }

  /** The counties' own bodies, for the identity store: group id and name. */
  public List<Agencies.GroupSpec> countyBodies() {
    return counties.entrySet().stream().flatMap(entry -> {
      County county = County.ofCode(entry.getKey()).orElseThrow();
      return entry.getValue().entrySet().stream().map(body ->
          new Agencies.GroupSpec(body.getValue(), body.getKey().countyBodyName(county), Agencies.TYPE_AGENCY));
    }).toList();
  }

  private Map<Role, String> bodiesOf(County county) {
    return counties.getOrDefault(county.code(), Map.of());
  }
}
