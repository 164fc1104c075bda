package cn.gov.wuzhou.tolerance.common;

import java.util.Arrays;
import java.util.Optional;

/** The counties, districts and county-level city of Wuzhou; each has its own bodies (M7). */
public enum County implements Coded {
  WANXIU("万秀区", "万秀区委"),
  CHANGZHOU("长洲区", "长洲区委"),
  LONGXU("龙圩区", "龙圩区委"),
  CANGWU("苍梧县", "苍梧县委"),
  TENGXIAN("藤县", "藤县县委"),
  MENGSHAN("蒙山县", "蒙山县委"),
  CENXI("岑溪市", "岑溪市委");

  private final String label;
  private final String partyCommittee;

  County(String label, String partyCommittee) {
    this.label = label;
    this.partyCommittee = partyCommittee;
  }

  @Override
  public String label() {
    return label;
  }

  /** The prefix of this county's group ids, as in {@code tengxian-discipline-inspection}. */
  public String code() {
    return name().toLowerCase();
  }

  public String disciplineInspectionGroup() {
    return code() + "-discipline-inspection";
  }

  public String organizationDeptGroup() {
    return code() + "-organization-dept";
  }

  public String disciplineInspectionName() {
    return label + "纪委监委";
  }

  /** The county whose discipline-inspection body or organization department this group is, if any. */
  public static Optional<County> ofBody(String groupId) {
    return Arrays.stream(values())
        .filter(county -> county.disciplineInspectionGroup().equals(groupId) || county.organizationDeptGroup().equals(groupId))
        .findFirst();
  }

  public String organizationDeptName() {
    return partyCommittee + "组织部";
  }
}
