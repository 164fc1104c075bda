package cn.gov.wuzhou.tolerance.common;

import static cn.gov.wuzhou.tolerance.common.Department.CPPCC;
import static cn.gov.wuzhou.tolerance.common.Department.DISCIPLINE;
import static cn.gov.wuzhou.tolerance.common.Department.HR;
import static cn.gov.wuzhou.tolerance.common.Department.NPC;
import static cn.gov.wuzhou.tolerance.common.Department.ORGANIZATION;

import java.util.List;

/**
 * What a tolerated official is not to be affected in (M6, 结果运用), and the bodies that handle each matter and
 * so take note of its notice. The 党代表, 人大代表, 政协委员 and 后备干部 qualifications concern only an official who
 * holds one (officialRoles).
 */
public enum ProtectedMatter implements Coded {
  PARTY_CONDUCT_ASSESSMENT("党风廉政考核", false, DISCIPLINE),
  ANNUAL_ASSESSMENT("年度考核", false, ORGANIZATION, HR),
  AWARDS("评先评优", false, ORGANIZATION, HR),
  SELECTION_APPOINTMENT("选拔任用", false, ORGANIZATION),
  RANK_TITLE_PROMOTION("职级职称晋升", false, ORGANIZATION, HR),
  INTEGRITY_OPINION("党风廉政意见回复", false, DISCIPLINE),
  PARTY_CONGRESS_DELEGATE("党代表资格", true, ORGANIZATION),
  NPC_DEPUTY("人大代表资格", true, NPC),
  CPPCC_MEMBER("政协委员资格", true, CPPCC),
  RESERVE_CADRE("后备干部资格", true, ORGANIZATION);

  private final String label;
  private final boolean onlyForHolders;
  private final List<Department> departments;

  ProtectedMatter(String label, boolean onlyForHolders, Department... departments) {
    this.label = label;
    this.onlyForHolders = onlyForHolders;
    this.departments = List.of(departments);
  }

  @Override
  public String label() {
    return label;
  }

  public List<Department> departments() {
    return departments;
  }

  /** Whether the official's roles (codes of {@code officialRoles}) make this matter one of theirs. */
  public boolean concerns(List<String> officialRoles) {
    return !onlyForHolders || officialRoles.contains(name());
  }
}
