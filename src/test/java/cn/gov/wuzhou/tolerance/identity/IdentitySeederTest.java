package cn.gov.wuzhou.tolerance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

@ProcessTest
class IdentitySeederTest {

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired IdentitySeeder seeder;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void everyAgencyIsAGroupWithItsChineseName() {
    assertThat(name("discipline-inspection")).isEqualTo("市纪委监委");
    assertThat(name("superior-party-committee")).isEqualTo("上级党委（党组）");
    assertThat(name("unit-commerce")).isEqualTo("市商务局");
    assertThat(name("tengxian-discipline-inspection")).isEqualTo("藤县纪委监委");
    assertThat(name("tengxian-organization-dept")).isEqualTo("藤县县委组织部");
    assertThat(name("cenxi-organization-dept")).isEqualTo("岑溪市委组织部");
    assertThat(name("tengxian-party-committee")).isEqualTo("藤县县委");
    assertThat(name("tengxian-accountability-office")).isEqualTo("藤县问责承办机关");
    assertThat(name("npc-standing-committee")).isEqualTo("市人大常委会");
    assertThat(name("process-owner")).isEqualTo("规则和流程管理");
    assertThat(name("tengxian-hr-social-security")).isEqualTo("藤县人力资源和社会保障局");
    assertThat(name("tengxian-cppcc-committee")).isEqualTo("藤县政协");
    assertThat(name("wanxiu-staffing-office")).isEqualTo("万秀区委编办");
    assertThat(name("transport-party-group")).isEqualTo("市交通运输局党组");
    assertThat(name("dispatched-discipline-group-5")).isEqualTo("市纪委监委派驻第五纪检监察组");
    assertThat(name("finance-bureau")).isEqualTo("市财政局");
    // the city's 11 agencies and 3 units, the process owners and the administrators; ten bodies in each of the seven
    // counties (their party committee also decides their complex matters); the one unit's own party group and the
    // one 派驻组 configured; the six 职能部门 of the city
    assertThat(identityService.createGroupQuery().count()).isEqualTo(16 + 10 * 7 + 2 + 6);
  }

  @Test
  void demoUsersBelongToTheirAgency() {
    assertThat(identityService.createGroupQuery().groupMember("jiwei").singleResult().getId())
        .isEqualTo("discipline-inspection");
    assertThat(identityService.createGroupQuery().groupMember("commerce-clerk").singleResult().getId())
        .isEqualTo("unit-commerce");
    assertThat(identityService.checkPassword("shiwei", "demo")).isTrue();
    assertThat(identityService.createGroupQuery().groupMember("tengxian-wenze").singleResult().getId())
        .isEqualTo("tengxian-accountability-office");
    assertThat(identityService.createGroupQuery().groupMember("guize").singleResult().getId())
        .isEqualTo("process-owner");
    assertThat(identityService.createGroupQuery().groupMember("tengxian-zhengxie").singleResult().getId())
        .isEqualTo("tengxian-cppcc-committee");
    assertThat(identityService.createGroupQuery().groupMember("caizheng").singleResult().getId())
        .isEqualTo("finance-bureau");
    assertThat(identityService.createGroupQuery().groupMember("transport-party").singleResult().getId())
        .isEqualTo("transport-party-group");
    // MISSION.md's 19, six more for 藤县's bodies, the transport bureau's clerk, party group and 派驻组, one for each
    // of the six 职能部门
    assertThat(identityService.createUserQuery().count()).isEqualTo(19 + 6 + 3 + 6);
  }

  @Test
  void everyUserSeesTheThreeChineseFilters() {
    identityService.setAuthentication("renshe", List.of("hr-social-security"));

    assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
        .containsExactlyInAnyOrder("我的待办", "本机构待办", "已逾期");
  }

  @Test
  void onlyAdministratorsOpenCockpitAndAdmin() {
    assertThat(authorizationService.isUserAuthorized("admin", List.of("camunda-admin"),
        Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizationService.isUserAuthorized("jiwei", List.of("discipline-inspection"),
        Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizationService.isUserAuthorized("jiwei", List.of("discipline-inspection"),
        Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
    assertThat(authorizationService.isUserAuthorized("jiwei", List.of("discipline-inspection"),
        Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
  }

  @Test
  void onlyUnitsStartCases() {
    assertThat(authorizationService.isUserAuthorized("commerce-clerk", List.of("unit-commerce"),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "prefiling")).isTrue();
    assertThat(authorizationService.isUserAuthorized("jiwei", List.of("discipline-inspection"),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "prefiling")).isFalse();
  }

  @Test
  void aUnitAddedLaterInAdminMayStartCasesWithoutACodeChange() {
    Group unit = identityService.newGroup("unit-wanxiu-housing");
    unit.setName("万秀区住房和城乡建设局");
    identityService.saveGroup(unit);

    assertThat(authorizationService.isUserAuthorized("someone", List.of("unit-wanxiu-housing"),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "toleranceCase")).isTrue();
    identityService.deleteGroup("unit-wanxiu-housing");
  }

  @Test
  void seedingAgainFromTwoNodesAtOnceCreatesNothingTwice() {
    List<Long> before = counts();

    ApplicationArguments none = new DefaultApplicationArguments();
    CompletableFuture.allOf(
        CompletableFuture.runAsync(() -> seeder.run(none)),
        CompletableFuture.runAsync(() -> seeder.run(none))).join();

    assertThat(counts()).isEqualTo(before);
  }

  private List<Long> counts() {
    return List.of("ACT_ID_GROUP", "ACT_ID_USER", "ACT_ID_MEMBERSHIP", "ACT_RU_FILTER", "ACT_RU_AUTHORIZATION")
        .stream().map(table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).toList();
  }

  private String name(String groupId) {
    return identityService.createGroupQuery().groupId(groupId).singleResult().getName();
  }
}
