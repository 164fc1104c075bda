package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.common.CallableFromModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The agencies asked in one 一事一议 deliberation: those of {@code tolerance.deliberation.agencies} and those the
 * office added for this matter ({@code additionalAgencies}). Read by the multi-instance task {@code giveOpinion}:
 * {@code ${deliberatingAgencies.groups(execution)}} is its collection. Each agency's opinion is kept under its own
 * names ({@code opinion.<group>}, {@code opinionComment.<group>}), so parallel opinions never overwrite each other.
 */
@CallableFromModels
@Component("deliberatingAgencies")
public class DeliberatingAgencies {

  static final String ADDITIONAL = "additionalAgencies";

  private final DeliberationProperties properties;
  private final IdentityService identityService;

  public DeliberatingAgencies(DeliberationProperties properties, IdentityService identityService) {
    this.properties = properties;
    this.identityService = identityService;
  }

  public List<String> groups(VariableScope scope) {
    List<String> groups = new ArrayList<>(properties.agencies());
    additional(scope).stream().filter(group -> !groups.contains(group)).forEach(groups::add);
    return groups;
  }

  /** For deliberations begun on the first version of the process, which asked the configured agencies only. */
  public List<String> groups() {
    return properties.agencies();
  }

  /** The agency's name, as the identity store knows it. */
  public String label(String groupId) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  List<String> additional(VariableScope scope) {
    Object value = scope.getVariable(ADDITIONAL);
    return value == null ? List.of() : Arrays.stream(((String) value).split(","))
        .map(String::strip).filter(group -> !group.isEmpty()).toList();
  }

  static String opinionVariable(String group) {
    return "opinion." + group;
  }

  static String commentVariable(String group) {
    return "opinionComment." + group;
  }
}
