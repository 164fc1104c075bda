package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.common.County;
import cn.gov.wuzhou.tolerance.consultation.ConsultationLevel;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.identity.Agencies.GroupSpec;
import cn.gov.wuzhou.tolerance.registry.UnitScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling the read API and what the registry shows them: administrators and the city's
 * oversight agencies see everything; a county's bodies see their county's units and consultations;
 * a unit sees its own records only.
 */
public record Caller(String userId, List<String> groups) {

  private static final Set<String> CITY_AGENCIES = Agencies.groups().stream()
      .filter(group -> Agencies.TYPE_AGENCY.equals(group.type()) && County.ofBody(group.id()).isEmpty())
      .map(GroupSpec::id)
      .collect(Collectors.toSet());

  boolean seesEverything() {
    return groups.contains(Agencies.ADMIN_GROUP) || groups.stream().anyMatch(CITY_AGENCIES::contains);
  }

  UnitScope units() {
    if (seesEverything()) {
      return UnitScope.ALL;
    }
    List<String> patterns = new ArrayList<>();
    for (String group : groups) {
      if (Agencies.isUnit(group)) {
        patterns.add(group);
      }
      County.ofBody(group).ifPresent(county -> patterns.add(ConsultationLevel.of(county).unitGroupPattern()));
    }
    return UnitScope.of(patterns);
  }

  /** The consultation levels whose minutes the caller may read; {@code null} for all. */
  List<String> consultationLevels() {
    if (seesEverything()) {
      return null;
    }
    return groups.stream().map(County::ofBody).flatMap(Optional::stream).map(County::code).distinct().toList();
  }
}
