package cn.gov.wuzhou.tolerance.identity;

import cn.gov.wuzhou.tolerance.common.County;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 市县两级: which body handles a unit's matters in each role. A unit whose group id is {@code unit-<county>-…}
 * belongs to that county and is handled by the county's body in each role, or by the city's where the county has
 * none; every other unit belongs to the city. Configured under {@code tolerance.jurisdiction} in application.yaml;
 * a county is added there alone: its {@code name}, its {@code committee-name} and a group for each role it has a
 * body for.
 */
@ConfigurationProperties("tolerance.jurisdiction")
public class Jurisdiction {

  static final String NAME = "name";
  static final String COMMITTEE_NAME = "committee-name";

  /** The roles a matter passes through that each county may fill itself. */
  public enum Role {
    PARTY_COMMITTEE("partyCommitteeGroup", county -> county.partyCommittee()),
    DISCIPLINE_INSPECTION("disciplineGroup", county -> county.label() + "纪委监委"),
    ORGANIZATION_DEPT("organizationGroup", county -> county.partyCommittee() + "组织部"),
    ACCOUNTABILITY_OFFICE("accountabilityGroup", county -> county.label() + "问责承办机关"),
    HR_SOCIAL_SECURITY("hrGroup", county -> county.label() + "人力资源和社会保障局"),
    STAFFING_OFFICE("staffingGroup", county -> county.partyCommittee() + "编办"),
    JUSTICE_BUREAU("justiceGroup", county -> county.label() + "司法局"),
    NPC_STANDING_COMMITTEE("npcGroup", county -> county.label() + "人大常委会"),
    CPPCC_COMMITTEE("cppccGroup", county -> county.label() + "政协"),
    /** The level's 派驻纪检监察组 for units no configured group supervises ({@link UnitOrganizations}). */
    DISPATCHED_DISCIPLINE_GROUP("dispatchedGroup", county -> county.label() + "纪委监委派驻纪检监察组"),
    /** Who decides a complex matter after 一事一议: the 市委 for the city, the 县委 or the 市委 for a county. */
    DECIDING_COMMITTEE("decidingCommitteeGroup", County::partyCommittee);

    private final String variable;
    private final Function<County, String> countyBodyName;

    Role(String variable, Function<County, String> countyBodyName) {
      this.variable = variable;
      this.countyBodyName = countyBodyName;
    }

    /** The case variable that holds the group of this role, fixed when the case starts. */
    public String variable() {
      return variable;
    }

    /** The configuration key of the role, as in {@code hr-social-security}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The role a configuration key names, however Spring spelt it (party-committee, partyCommittee, …). */
    static Optional<Role> ofKey(String key) {
      return Arrays.stream(values()).filter(role -> plain(role.name()).equals(plain(key))).findFirst();
    }
  }

  private final Map<Role, String> city;
  private final List<County> counties = new ArrayList<>();
  private final Map<String, Map<Role, String>> bodies = new LinkedHashMap<>();

  /**
   * @param city     the city's group of each role
   * @param counties per county code ({@code tengxian}, …) its {@code name}, {@code committee-name} and the group of
   *                 each role it has a body for
   */
  public Jurisdiction(Map<Role, String> city, Map<String, Map<String, String>> counties) {
    this.city = city == null ? Map.of() : new EnumMap<>(city);
    for (Role role : Role.values()) {
      if (!this.city.containsKey(role)) {
        throw new IllegalStateException("tolerance.jurisdiction.city names no group for " + role.key());
      }
    }
    (counties == null ? Map.<String, Map<String, String>>of() : counties).forEach((code, entries) -> {
      Map<String, String> settings = entries == null ? Map.of() : entries;
      County county = new County(code, required(settings, code, NAME), required(settings, code, COMMITTEE_NAME));
      Map<Role, String> own = new EnumMap<>(Role.class);
      for (Map.Entry<String, String> entry : settings.entrySet()) {
        String key = entry.getKey();
        if (isNameKey(key)) {
          continue;
        }
        Role role = Role.ofKey(key).orElseThrow(() -> new IllegalStateException("tolerance.jurisdiction.counties."
            + code + "." + key + " is not a role; roles are " + Arrays.stream(Role.values()).map(Role::key).toList()));
        String group = entry.getValue();
        // a role left empty, as an operator may blank it, or naming the city's body means the county has none of its own
        if (group != null && !group.isBlank() && !group.equals(this.city.get(role))) {
          own.put(role, group.strip());
        }
      }
      this.counties.add(county);
      this.bodies.put(code, own);
    });
  }

  private static boolean isNameKey(String key) {
    return plain(key).equals(plain(NAME)) || plain(key).equals(plain(COMMITTEE_NAME));
  }

  /** A key as Spring may spell it (committee-name, committeeName, COMMITTEENAME), reduced to letters and digits. */
  private static String plain(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }

  private static String required(Map<String, String> settings, String code, String key) {
    return settings.entrySet().stream().filter(entry -> plain(entry.getKey()).equals(plain(key)))
        .map(Map.Entry::getValue).filter(value -> value != null && !value.isBlank()).findFirst()
        .orElseThrow(() -> new IllegalStateException("tolerance.jurisdiction.counties." + code + "." + key + " is missing"));
  }

  /** The city's group of each role. */
  public Map<Role, String> city() {
    return city;
  }

  /** The counties, in the order configured. */
  public List<County> counties() {
    return List.copyOf(counties);
  }

  /** The county a reporting unit belongs to; none for the city's units. */
  public Optional<County> countyOf(String unitGroup) {
    return counties.stream().filter(county -> county.hasUnit(unitGroup)).findFirst();
  }

  /** The county of that code. */
  public Optional<County> county(String code) {
    return counties.stream().filter(county -> county.code().equalsIgnoreCase(code)).findFirst();
  }

  /** The group that handles the unit's matters in the role: its county's body, else the city's. */
  public String group(Role role, String unitGroup) {
    return countyOf(unitGroup).map(county -> group(role, county)).orElse(city.get(role));
  }

  /** The group of each role for the unit. */
  public Map<Role, String> groups(String unitGroup) {
    Map<Role, String> groups = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      groups.put(role, group(role, unitGroup));
    }
    return groups;
  }

  /** Every level's group of the role: the city's and each county's own, once each. */
  public List<String> groupsOf(Role role) {
    return Stream.concat(Stream.of(city.get(role)),
        counties.stream().map(county -> group(role, county))).distinct().toList();
  }

  /** The county's own body in the role, or the city's where it has none. */
  public String group(Role role, County county) {
    return Optional.ofNullable(bodies.getOrDefault(county.code(), Map.of()).get(role)).orElse(city.get(role));
  }

  /** The county whose own body this group is, if any. */
  public Optional<County> countyOfBody(String groupId) {
    return counties.stream().filter(county -> bodies.get(county.code()).containsValue(groupId)).findFirst();
  }

  /** The counties' own bodies, for the identity store: group id and name. */
  public List<Agencies.GroupSpec> countyBodies() {
    return counties.stream().flatMap(county -> bodies.get(county.code()).entrySet().stream().map(body ->
        new Agencies.GroupSpec(body.getValue(), body.getKey().countyBodyName.apply(county), Agencies.TYPE_AGENCY)))
        .distinct().toList();
  }
}
