package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.common.County;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.identity.Agencies.GroupSpec;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction;
import cn.gov.wuzhou.tolerance.identity.UnitOrganizations;
import cn.gov.wuzhou.tolerance.registry.UnitScope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling the read API and what the registry shows them: administrators and the city's
 * oversight agencies see everything; a county's bodies see their county's units and consultations; a unit's own
 * party organization or 派驻组 sees the units it oversees; a unit sees its own records only.
 */
public record Caller(String userId, List<String> groups, Jurisdiction jurisdiction, UnitOrganizations organizations) {

  private static final Set<String> CITY_AGENCIES = Agencies.groups().stream()
      .filter(group -> Agencies.TYPE_AGENCY.equals(group.type()))
      .map(GroupSpec::id)
      .collect(Collectors.toSet());

  boolean seesEverything() {
    return groups.contains(Agencies.ADMIN_GROUP) || groups.stream().anyMatch(CITY_AGENCIES::contains);
  }

  UnitScope units() {
    if (seesEverything()) {
      return UnitScope.ALL;
    }
    List<String> patterns = groups.stream().filter(Agencies::isUnit).collect(Collectors.toList());
    counties().forEach(county -> patterns.add(county.unitGroupPattern()));
    groups.forEach(group -> patterns.addAll(organizations.unitsOverseenBy(group)));
    return UnitScope.of(patterns);
  }

  /** The consultation levels whose minutes the caller may read; {@code null} for all. */
  List<String> consultationLevels() {
    if (seesEverything()) {
      return null;
    }
    return counties().stream().map(County::code).toList();
  }

  /** The counties whose own bodies the caller belongs to. */
  private List<County> counties() {
    return groups.stream().map(jurisdiction::countyOfBody).flatMap(Optional::stream).distinct().toList();
  }
}
