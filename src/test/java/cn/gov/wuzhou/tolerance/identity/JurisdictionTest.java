package cn.gov.wuzhou.tolerance.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.wuzhou.tolerance.common.County;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 市县两级 as an operator configures it: a county's units go to its own bodies, else to the city's. */
class JurisdictionTest {

  static final Map<Role, String> CITY = Map.of(Role.PARTY_COMMITTEE, "superior-party-committee",
      Role.DISCIPLINE_INSPECTION, "discipline-inspection", Role.ORGANIZATION_DEPT, "organization-dept",
      Role.ACCOUNTABILITY_OFFICE, "accountability-office");

  // 岑溪市 without an accountability office of its own, its entry left blank as an operator would
  final Jurisdiction jurisdiction = new Jurisdiction(CITY, Map.of(
      "tengxian", Map.of(Role.PARTY_COMMITTEE, "tengxian-party-committee", Role.DISCIPLINE_INSPECTION,
          "tengxian-discipline-inspection", Role.ORGANIZATION_DEPT, "tengxian-organization-dept",
          Role.ACCOUNTABILITY_OFFICE, "tengxian-accountability-office"),
      "cenxi", Map.of(Role.PARTY_COMMITTEE, "cenxi-party-committee", Role.DISCIPLINE_INSPECTION,
          "cenxi-discipline-inspection", Role.ORGANIZATION_DEPT, "cenxi-organization-dept",
          Role.ACCOUNTABILITY_OFFICE, " ")));

  @Test
  void aCountysUnitGoesToTheCountysBodies() {
    assertThat(jurisdiction.groups("unit-tengxian-agri")).containsEntry(Role.PARTY_COMMITTEE, "tengxian-party-committee")
        .containsEntry(Role.ACCOUNTABILITY_OFFICE, "tengxian-accountability-office");
  }

  @Test
  void aCountyWithoutAnAccountabilityOfficeOfItsOwnFallsBackToTheCitys() {
    assertThat(jurisdiction.groups("unit-cenxi-housing"))
        .containsEntry(Role.DISCIPLINE_INSPECTION, "cenxi-discipline-inspection")
        .containsEntry(Role.ACCOUNTABILITY_OFFICE, "accountability-office");
    assertThat(jurisdiction.countyBodies()).extracting(Agencies.GroupSpec::id).doesNotContain(" ");
  }

  @Test
  void aCityUnitAndACountyWithNoBodiesAtAllGoToTheCity() {
    assertThat(jurisdiction.groups("unit-commerce")).isEqualTo(CITY);
    assertThat(jurisdiction.groups("unit-mengshan-water")).isEqualTo(CITY);
  }

  @Test
  void aCountysBodiesAreKnownAsItsOwn() {
    assertThat(jurisdiction.countyOfBody("tengxian-organization-dept")).contains(County.TENGXIAN);
    assertThat(jurisdiction.countyOfBody("organization-dept")).isEmpty();
  }

  @Test
  void aMisspeltCountyOrAMissingCityRoleStopsTheStart() {
    assertThatThrownBy(() -> new Jurisdiction(CITY, Map.of("guilin", Map.of()))).hasMessageContaining("guilin");
    assertThatThrownBy(() -> new Jurisdiction(Map.of(Role.PARTY_COMMITTEE, "x"), Map.of()))
        .hasMessageContaining("DISCIPLINE_INSPECTION");
  }
}
