package cn.gov.wuzhou.tolerance.identity;

import java.util.List;

/** The agencies of MISSION.md as Camunda groups, and the demo user of each. */
public final class Agencies {

  public static final String UNIT_PREFIX = "unit-";
  public static final String ADMIN_GROUP = "camunda-admin";
  /** Process owners: deploy rules, processes and forms from Camunda Modeler; nothing about cases. */
  public static final String PROCESS_OWNER = "process-owner";
  public static final String DISCIPLINE_INSPECTION = "discipline-inspection";
  public static final String DISPATCHED_DISCIPLINE_GROUP = "dispatched-discipline-group";
  public static final String HR_SOCIAL_SECURITY = "hr-social-security";
  public static final String NPC_STANDING_COMMITTEE = "npc-standing-committee";
  public static final String CPPCC_COMMITTEE = "cppcc-committee";

  public static final String TYPE_UNIT = "UNIT";
  public static final String TYPE_AGENCY = "AGENCY";
  public static final String TYPE_SYSTEM = "SYSTEM";

  public record GroupSpec(String id, String name, String type) {}

  public record DemoUser(String id, String firstName, String lastName, String groupId) {}

  private Agencies() {}

  public static boolean isUnit(String groupId) {
    return groupId != null && groupId.startsWith(UNIT_PREFIX);
  }

  /**
   * The city's agencies and the system's groups; the counties' own bodies come from {@link Jurisdiction}, the units'
   * own party organizations and the 派驻纪检监察组 from {@link UnitOrganizations}, the 职能部门 from
   * {@code tolerance.deliberation.functional-departments}.
   */
  public static List<GroupSpec> groups() {
    return List.of(
        new GroupSpec("unit-commerce", "市商务局", TYPE_UNIT),
        new GroupSpec("unit-tengxian-agri", "藤县农业农村局", TYPE_UNIT),
        new GroupSpec("unit-transport", "市交通运输局", TYPE_UNIT),
        new GroupSpec("superior-party-committee", "上级党委（党组）", TYPE_AGENCY),
        new GroupSpec(DISCIPLINE_INSPECTION, "市纪委监委", TYPE_AGENCY),
        new GroupSpec(DISPATCHED_DISCIPLINE_GROUP, "派驻纪检监察组", TYPE_AGENCY),
        new GroupSpec("accountability-office", "问责承办机关", TYPE_AGENCY),
        new GroupSpec("organization-dept", "市委组织部", TYPE_AGENCY),
        new GroupSpec(HR_SOCIAL_SECURITY, "市人力资源和社会保障局", TYPE_AGENCY),
        new GroupSpec("staffing-office", "市委编办", TYPE_AGENCY),
        new GroupSpec("justice-bureau", "市司法局", TYPE_AGENCY),
        new GroupSpec("municipal-party-committee", "市委", TYPE_AGENCY),
        new GroupSpec(NPC_STANDING_COMMITTEE, "市人大常委会", TYPE_AGENCY),
        new GroupSpec(CPPCC_COMMITTEE, "市政协", TYPE_AGENCY),
        new GroupSpec(PROCESS_OWNER, "规则和流程管理", TYPE_SYSTEM),
        new GroupSpec(ADMIN_GROUP, "系统管理员", TYPE_SYSTEM));
  }

  public static List<DemoUser> demoUsers() {
    return List.of(
        new DemoUser("commerce-clerk", "市商务局", "经办人", "unit-commerce"),
        new DemoUser("tengxian-clerk", "藤县农业农村局", "经办人", "unit-tengxian-agri"),
        new DemoUser("party-secretary", "上级党委", "书记", "superior-party-committee"),
        new DemoUser("jiwei", "市纪委监委", "承办人", DISCIPLINE_INSPECTION),
        new DemoUser("paizhu", "派驻纪检监察组", "承办人", DISPATCHED_DISCIPLINE_GROUP),
        new DemoUser("wenze", "问责承办机关", "承办人", "accountability-office"),
        new DemoUser("zuzhi", "市委组织部", "干部", "organization-dept"),
        new DemoUser("renshe", "市人社局", "干部", HR_SOCIAL_SECURITY),
        new DemoUser("bianban", "市委编办", "干部", "staffing-office"),
        new DemoUser("sifa", "市司法局", "干部", "justice-bureau"),
        new DemoUser("shiwei", "市委办公室", "干部", "municipal-party-committee"),
        new DemoUser("renda", "市人大常委会", "干部", NPC_STANDING_COMMITTEE),
        new DemoUser("zhengxie", "市政协", "干部", CPPCC_COMMITTEE),
        new DemoUser("tengxian-party", "藤县县委", "干部", "tengxian-party-committee"),
        new DemoUser("tengxian-jiwei", "藤县纪委监委", "承办人", "tengxian-discipline-inspection"),
        new DemoUser("tengxian-zuzhi", "藤县县委组织部", "干部", "tengxian-organization-dept"),
        new DemoUser("tengxian-wenze", "藤县问责承办机关", "承办人", "tengxian-accountability-office"),
        new DemoUser("tengxian-renshe", "藤县人社局", "干部", "tengxian-hr-social-security"),
        new DemoUser("tengxian-bianban", "藤县县委编办", "干部", "tengxian-staffing-office"),
        new DemoUser("tengxian-sifa", "藤县司法局", "干部", "tengxian-justice-bureau"),
        new DemoUser("tengxian-renda", "藤县人大常委会", "干部", "tengxian-npc-standing-committee"),
        new DemoUser("tengxian-zhengxie", "藤县政协", "干部", "tengxian-cppcc-committee"),
        new DemoUser("tengxian-paizhu", "藤县纪委监委派驻纪检监察组", "承办人", "tengxian-dispatched-discipline-group"),
        new DemoUser("transport-clerk", "市交通运输局", "经办人", "unit-transport"),
        new DemoUser("transport-party", "市交通运输局党组", "书记", "transport-party-group"),
        new DemoUser("paizhu-5", "市纪委监委派驻第五纪检监察组", "承办人", "dispatched-discipline-group-5"),
        new DemoUser("caizheng", "市财政局", "干部", "finance-bureau"),
        new DemoUser("shenji", "市审计局", "干部", "audit-bureau"),
        new DemoUser("fagai", "市发展改革委", "干部", "development-reform"),
        new DemoUser("guozi", "市国资委", "干部", "sasac"),
        new DemoUser("shichang", "市市场监管局", "干部", "market-regulation"),
        new DemoUser("shenpi", "市行政审批局", "干部", "administrative-approval"),
        new DemoUser("guize", "规则和流程", "管理员", PROCESS_OWNER));
  }

  /** The administrator, created under every profile. */
  public static DemoUser admin() {
    return new DemoUser("admin", "系统", "管理员", ADMIN_GROUP);
  }
}
