package cn.gov.wuzhou.tolerance.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.wuzhou.tolerance.common.County;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 市县两级 as an operator configures it: a county's units go to its own bodies, else to the city's. */
class JurisdictionTest {

  static final Map<Role, String> CITY = city();

  // 岑溪市 without an accountability office of its own, its entry left blank as an operator would, and with its
  // complex matters decided by the 市委
  final Jurisdiction jurisdiction = new Jurisdiction(CITY, Map.of(
      "tengxian", county("藤县", "藤县县委", "tengxian", Map.of()),
      "cenxi", county("岑溪市", "岑溪市委", "cenxi", Map.of("accountability-office", " ",
          "deciding-committee", "municipal-party-committee"))));

  private static Map<Role, String> city() {
    Map<Role, String> city = new EnumMap<>(Role.class);
    Arrays.stream(Role.values()).forEach(role -> city.put(role, role.key()));
    city.put(Role.PARTY_COMMITTEE, "superior-party-committee");
    city.put(Role.DECIDING_COMMITTEE, "municipal-party-committee");
    return city;
  }

  /** A county's entries as application.yaml gives them: its names and {@code <code>-<role>} for every role. */
  static Map<String, String> county(String name, String committeeName, String code, Map<String, String> except) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("name", name);
    entries.put("committee-name", committeeName);
    Arrays.stream(Role.values()).forEach(role -> entries.put(role.key(), code + "-" + role.key()));
    entries.put("deciding-committee", code + "-party-committee");
    entries.putAll(except);
    return entries;
  }

  @Test
  void aCountysUnitGoesToTheCountysBodies() {
    assertThat(jurisdiction.groups("unit-tengxian-agri")).containsEntry(Role.PARTY_COMMITTEE, "tengxian-party-committee")
        .containsEntry(Role.ACCOUNTABILITY_OFFICE, "tengxian-accountability-office")
        .containsEntry(Role.HR_SOCIAL_SECURITY, "tengxian-hr-social-security")
        .containsEntry(Role.CPPCC_COMMITTEE, "tengxian-cppcc-committee")
        .containsEntry(Role.DISPATCHED_DISCIPLINE_GROUP, "tengxian-dispatched-discipline-group")
        .containsEntry(Role.DECIDING_COMMITTEE, "tengxian-party-committee");
  }

  @Test
  void aCountyWithoutAnAccountabilityOfficeOfItsOwnFallsBackToTheCitysAndItsMattersMayBeDecidedByTheShiwei() {
    assertThat(jurisdiction.groups("unit-cenxi-housing"))
        .containsEntry(Role.DISCIPLINE_INSPECTION, "cenxi-discipline-inspection")
        .containsEntry(Role.ACCOUNTABILITY_OFFICE, "accountability-office")
        .containsEntry(Role.DECIDING_COMMITTEE, "municipal-party-committee");
    assertThat(jurisdiction.countyBodies()).extracting(Agencies.GroupSpec::id)
        .doesNotContain(" ", "municipal-party-committee");
    assertThat(jurisdiction.countyOfBody("municipal-party-committee")).isEmpty();
  }

  @Test
  void aCityUnitAndAnUnconfiguredCountyGoToTheCity() {
    assertThat(jurisdiction.groups("unit-commerce")).isEqualTo(CITY);
    assertThat(jurisdiction.groups("unit-mengshan-water")).isEqualTo(CITY);
  }

  @Test
  void aCountysBodiesAreKnownAsItsOwnAndNamedAfterIt() {
    assertThat(jurisdiction.countyOfBody("tengxian-organization-dept")).map(County::code).contains("tengxian");
    assertThat(jurisdiction.countyOfBody("organization-dept")).isEmpty();
    assertThat(jurisdiction.countyBodies()).contains(
        new Agencies.GroupSpec("tengxian-staffing-office", "藤县县委编办", Agencies.TYPE_AGENCY),
        new Agencies.GroupSpec("tengxian-npc-standing-committee", "藤县人大常委会", Agencies.TYPE_AGENCY),
        new Agencies.GroupSpec("cenxi-cppcc-committee", "岑溪市政协", Agencies.TYPE_AGENCY));
  }

  @Test
  void aCountyIsAddedByConfigurationAlone() {
    // a county that is not one of Wuzhou's seven, as an operator would add it in application.yaml
    Jurisdiction withNewCounty = new Jurisdiction(CITY, Map.of("xinxian", county("新县", "新县县委", "xinxian", Map.of())));

    assertThat(withNewCounty.counties()).extracting(County::label).containsExactly("新县");
    assertThat(withNewCounty.group(Role.DISCIPLINE_INSPECTION, "unit-xinxian-agri")).isEqualTo("xinxian-discipline-inspection");
    assertThat(withNewCounty.countyBodies()).contains(
        new Agencies.GroupSpec("xinxian-party-committee", "新县县委", Agencies.TYPE_AGENCY));
  }

  @Test
  void aNamelessCountyAMisspeltRoleOrAMissingCityRoleStopsTheStart() {
    assertThatThrownBy(() -> new Jurisdiction(CITY, Map.of("guilin", Map.of("committee-name", "桂林市委"))))
        .hasMessageContaining("guilin.name");
    assertThatThrownBy(() -> new Jurisdiction(CITY, Map.of("tengxian",
        Map.of("name", "藤县", "committee-name", "藤县县委", "finance", "tengxian-finance")))).hasMessageContaining("finance");
    assertThatThrownBy(() -> new Jurisdiction(Map.of(Role.PARTY_COMMITTEE, "x"), Map.of()))
        .hasMessageContaining("discipline-inspection");
  }
}
