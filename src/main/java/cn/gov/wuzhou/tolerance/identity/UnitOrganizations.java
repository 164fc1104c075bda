package cn.gov.wuzhou.tolerance.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bodies of each reporting unit of its own, under {@code tolerance.units} and {@code tolerance.dispatched-groups}:
 * the unit's 上级党委（党组） (its own 党组 or its supervising party committee) and the 派驻纪检监察组 that supervises it.
 * A unit without an entry goes to its level's body of that role ({@link Jurisdiction}).
 *
 * @param units            per unit group ({@code unit-commerce}), its party organization
 * @param dispatchedGroups per 派驻纪检监察组 group, its name and the units it supervises
 */
@ConfigurationProperties("tolerance")
public record UnitOrganizations(Map<String, Unit> units, Map<String, DispatchedGroup> dispatchedGroups) {

  /**
   * @param partyOrganization     the group of the unit's 上级党委（党组）
   * @param partyOrganizationName its name, as the identity store shows it
   */
  public record Unit(String partyOrganization, String partyOrganizationName) {}

  /**
   * @param name  the group's name, as in 市纪委监委派驻第五纪检监察组
   * @param units the unit groups it supervises
   */
  public record DispatchedGroup(String name, List<String> units) {}

  public UnitOrganizations {
    units = units == null ? Map.of() : new LinkedHashMap<>(units);
    dispatchedGroups = dispatchedGroups == null ? Map.of() : new LinkedHashMap<>(dispatchedGroups);
    units.forEach((unit, organization) -> {
      if (!Agencies.isUnit(unit)) {
        throw new IllegalStateException("tolerance.units." + unit + ": a unit's group id starts with " + Agencies.UNIT_PREFIX);
      }
      if (organization == null || blank(organization.partyOrganization()) || blank(organization.partyOrganizationName())) {
        throw new IllegalStateException("tolerance.units." + unit + " needs party-organization and party-organization-name");
      }
    });
    Map<String, String> supervisor = new HashMap<>();
    dispatchedGroups.forEach((group, spec) -> {
      if (spec == null || blank(spec.name())) {
        throw new IllegalStateException("tolerance.dispatched-groups." + group + ".name is missing");
      }
      for (String unit : spec.units() == null ? List.<String>of() : spec.units()) {
        String other = supervisor.put(unit, group);
        if (other != null) {
          throw new IllegalStateException("tolerance.dispatched-groups: " + unit + " is supervised by both " + other
              + " and " + group);
        }
      }
    });
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** The unit's own 上级党委（党组）, if configured. */
  public Optional<String> partyOrganization(String unitGroup) {
    return Optional.ofNullable(units.get(unitGroup)).map(Unit::partyOrganization);
  }

  /** The 派驻纪检监察组 configured to supervise the unit, if any. */
  public Optional<String> dispatchedGroup(String unitGroup) {
    return dispatchedGroups.entrySet().stream()
        .filter(entry -> entry.getValue().units() != null && entry.getValue().units().contains(unitGroup))
        .map(Map.Entry::getKey).findFirst();
  }

  /** The units whose own party organization or 派驻组 the group is. */
  public List<String> unitsOverseenBy(String group) {
    List<String> overseen = new ArrayList<>();
    units.forEach((unit, organization) -> {
      if (organization.partyOrganization().equals(group)) {
        overseen.add(unit);
      }
    });
    DispatchedGroup dispatched = dispatchedGroups.get(group);
    if (dispatched != null && dispatched.units() != null) {
      overseen.addAll(dispatched.units());
    }
    return overseen;
  }

  /** The party organizations and dispatched groups, for the identity store: group id and name. */
  public List<Agencies.GroupSpec> groups() {
    List<Agencies.GroupSpec> groups = new ArrayList<>();
    units.values().forEach(unit -> groups.add(
        new Agencies.GroupSpec(unit.partyOrganization(), unit.partyOrganizationName(), Agencies.TYPE_AGENCY)));
    dispatchedGroups.forEach((group, spec) -> groups.add(new Agencies.GroupSpec(group, spec.name(), Agencies.TYPE_AGENCY)));
    return groups.stream().distinct().toList();
  }
}
