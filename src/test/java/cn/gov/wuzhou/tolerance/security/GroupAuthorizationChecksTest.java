package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Tasklist's 发起流程 offers a user in groups that hold no authorizations besides their agency, and a
 * {@code REVOKE} an administrator saves, which holds from the next request on although the engine no longer asks
 * the database in every command whether any exists.
 */
@ProcessTest
class GroupAuthorizationChecksTest {

  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;

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

  @Test
  void aRevokeSavedByAnAdministratorHoldsAtOnce() {
    assertThat(readableAs("jiwei", "discipline-inspection")).contains("toleranceCase");

    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("jiwei");
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("toleranceCase");
    revoke.removePermission(Permissions.READ);
    authorizationService.saveAuthorization(revoke);
    try {
      assertThat(readableAs("jiwei", "discipline-inspection")).doesNotContain("toleranceCase").contains("prefiling");
      assertThat(readableAs("wenze", "accountability-office")).contains("toleranceCase");
    } finally {
      authorizationService.deleteAuthorization(revoke.getId());
    }
    assertThat(readableAs("jiwei", "discipline-inspection")).contains("toleranceCase");
  }

  /** Keys of the latest definitions the user may read. */
  private List<String> readableAs(String userId, String agency) {
    identityService.setAuthentication(userId, List.of(agency));
    try {
      return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
          .map(ProcessDefinition::getKey).toList();
    } finally {
      identityService.clearAuthentication();
    }
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
