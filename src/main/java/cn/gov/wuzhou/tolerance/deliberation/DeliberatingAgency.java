package cn.gov.wuzhou.tolerance.deliberation;

import java.util.Arrays;
import java.util.List;

/**
 * The agencies the accountability office convenes for "one matter, one discussion" (M7). Each gives
 * its opinion in its own instance of {@code giveOpinion}; the opinion is kept under the agency's
 * own variable names so parallel opinions never overwrite each other.
 */
public enum DeliberatingAgency {
  DISCIPLINE_INSPECTION("discipline-inspection", "市纪委监委", "disciplineInspection"),
  ORGANIZATION_DEPT("organization-dept", "市委组织部", "organizationDept"),
  HR_SOCIAL_SECURITY("hr-social-security", "市人力资源和社会保障局", "hrSocialSecurity"),
  STAFFING_OFFICE("staffing-office", "市委编办", "staffingOffice"),
  JUSTICE_BUREAU("justice-bureau", "市司法局", "justiceBureau");

  private final String groupId;
  private final String label;
  private final String variablePrefix;

  DeliberatingAgency(String groupId, String label, String variablePrefix) {
    this.groupId = groupId;
    this.label = label;
    this.variablePrefix = variablePrefix;
  }

  public String groupId() {
    return groupId;
  }

  public String label() {
    return label;
  }

  public String opinionVariable() {
    return variablePrefix + "Opinion";
  }

  public String commentVariable() {
    return variablePrefix + "OpinionComment";
  }

  public static DeliberatingAgency ofGroup(String groupId) {
    return Arrays.stream(values()).filter(agency -> agency.groupId.equals(groupId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a deliberating agency: " + groupId));
  }

  public static List<String> groupIds() {
    return Arrays.stream(values()).map(DeliberatingAgency::groupId).toList();
  }
}
