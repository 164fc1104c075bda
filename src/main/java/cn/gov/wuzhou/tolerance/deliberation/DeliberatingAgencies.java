package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.common.CallableFromModels;
import cn.gov.wuzhou.tolerance.common.County;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The agencies asked in one 一事一议 deliberation, all at the matter's level: the body of each role of
 * {@code tolerance.deliberation.agencies} (the case's own, handed in by the call activity) and those the office added
 * for this matter ({@code additionalAgencies}). Read by the multi-instance task {@code giveOpinion}:
 * {@code ${deliberatingAgencies.groups(execution)}} is its collection. Each agency's opinion is kept under its own
 * names ({@code opinion.<group>}, {@code opinionComment.<group>}), so parallel opinions never overwrite each other.
 *
 * <p>The office names an added agency by its kind, as the form lists them: the case's 派驻纪检监察组, 上级党委（党组）,
 * 人大常委会 or 政协 ({@code dispatched-discipline-group}, …), or a 职能部门 ({@code finance-bureau}, …), which for a
 * county's matter is the county's own ({@code tengxian-finance-bureau}) where configured, else the city's.
 */
@CallableFromModels
@Component("deliberatingAgencies")
public class DeliberatingAgencies {

  static final String ADDITIONAL = "additionalAgencies";

  /** The kinds of the case's own bodies the office may add, and the role whose group each one is. */
  private static final Map<String, Role> CASE_BODIES = Map.of(
      "dispatched-discipline-group", Role.DISPATCHED_DISCIPLINE_GROUP,
      "superior-party-committee", Role.PARTY_COMMITTEE,
      "npc-standing-committee", Role.NPC_STANDING_COMMITTEE,
      "cppcc-committee", Role.CPPCC_COMMITTEE);

  private final DeliberationProperties properties;
  private final Jurisdiction jurisdiction;
  private final IdentityService identityService;

  public DeliberatingAgencies(DeliberationProperties properties, Jurisdiction jurisdiction,
      IdentityService identityService) {
    this.properties = properties;
    this.jurisdiction = jurisdiction;
    this.identityService = identityService;
  }

  public List<String> groups(VariableScope scope) {
    List<String> groups = new ArrayList<>(standing(scope));
    additional(scope).stream().map(kind -> resolve(scope, kind).orElse(kind))
        .filter(group -> !groups.contains(group)).forEach(groups::add);
    return groups;
  }

  /** For deliberations begun on the first version of the process, which asked the city's agencies only. */
  public List<String> groups() {
    return properties.agencies().stream().map(jurisdiction.city()::get).toList();
  }

  /** The agency's name, as the identity store knows it. */
  public String label(String groupId) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  /** The bodies every complex matter of the case's level asks. */
  List<String> standing(VariableScope scope) {
    return properties.agencies().stream().map(role -> groupOf(scope, role)).toList();
  }

  /**
   * The group an added agency stands for in this case, if the office may ask it: one of the case's own bodies, or a
   * 职能部门 of the case's level (or the city's). A group id already resolved is accepted as itself.
   */
  Optional<String> resolve(VariableScope scope, String kind) {
    if (CASE_BODIES.containsKey(kind)) {
      return Optional.of(groupOf(scope, CASE_BODIES.get(kind)));
    }
    if (CASE_BODIES.values().stream().anyMatch(role -> groupOf(scope, role).equals(kind))) {
      return Optional.of(kind);
    }
    Optional<County> county = jurisdiction.countyOf((String) scope.getVariable("unitGroup"));
    Map<String, String> own = county.map(c -> properties.departmentsOf(c.code()))
        .orElse(properties.departmentsOf(DeliberationProperties.CITY));
    Map<String, String> city = properties.departmentsOf(DeliberationProperties.CITY);
    String countysOwn = county.map(c -> c.code() + "-" + kind).orElse(kind);
    if (own.containsKey(countysOwn)) {
      return Optional.of(countysOwn);
    }
    if (own.containsKey(kind) || city.containsKey(kind)) {
      return Optional.of(kind);
    }
    return Optional.empty();
  }

  List<String> additional(VariableScope scope) {
    Object value = scope.getVariable(ADDITIONAL);
    return value == null ? List.of() : Arrays.stream(((String) value).split(","))
        .map(String::strip).filter(group -> !group.isEmpty()).toList();
  }

  /** The case's group of the role; the city's for a deliberation begun before the case handed its groups in. */
  private String groupOf(VariableScope scope, Role role) {
    Object group = scope.getVariable(role.variable());
    return group == null ? jurisdiction.city().get(role) : (String) group;
  }

  static String opinionVariable(String group) {
    return "opinion." + group;
  }

  static String commentVariable(String group) {
    return "opinionComment." + group;
  }
}
