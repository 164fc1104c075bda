package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What Tasklist's 发起流程 offers a user in groups that hold no authorizations besides their agency. */
@ProcessTest
class GroupAuthorizationChecksTest {

  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void aUnitClerkInAFewOtherGroupsMayStartTheUnitsProcesses() {
    assertThat(startableAs("commerce-clerk", "unit-commerce", 2))
        .containsExactlyInAnyOrder("prefiling", "toleranceCase");
  }

  @Test
  void anAgencyClerkInAFewOtherGroupsMayNotStartThem() {
    assertThat(startableAs("zuzhi", "organization-dept", 2)).doesNotContain("prefiling", "toleranceCase");
  }

  @Test
  void theCommissionInAFewOtherGroupsMayOpenACaseButFileNoPlan() {
    // a case weighed inside a 问责 matter; its consultations too, a pre-filing is the unit's
    assertThat(startableAs("jiwei", "discipline-inspection", 2))
        .containsExactlyInAnyOrder("toleranceCase", "jointConsultation");
  }

  @Test
  void aUserInVeryManyGroupsGetsTheSameAnswers() {
    int many = GroupAuthorizationChecks.MAX_GROUPS_UNNARROWED + 8;
    assertThat(startableAs("commerce-clerk", "unit-commerce", many))
        .containsExactlyInAnyOrder("prefiling", "toleranceCase");
    assertThat(startableAs("zuzhi", "organization-dept", many)).doesNotContain("prefiling", "toleranceCase");
    assertThat(startableAs("jiwei", "discipline-inspection", many))
        .containsExactlyInAnyOrder("toleranceCase", "jointConsultation");
  }

  /** Keys of the latest definitions the user may start, in the agency and {@code otherGroups} groups without rights. */
  private List<String> startableAs(String userId, String agency, int otherGroups) {
    List<String> groups = new ArrayList<>(List.of(agency));
    for (int i = 1; i <= otherGroups; i++) {
      groups.add("reading-circle-" + i);
    }
    identityService.setAuthentication(userId, groups);
    return repositoryService.createProcessDefinitionQuery().latestVersion().startablePermissionCheck().list()
        .stream().map(ProcessDefinition::getKey).toList();
  }
}
