package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Coded;

/** Roles of an official whose qualification a tolerance protects (M6): 党代表, 人大代表, 政协委员, 后备干部. */
public enum OfficialRole implements Coded {
  PARTY_CONGRESS_DELEGATE("党代表"),
  NPC_DEPUTY("人大代表"),
  CPPCC_MEMBER("政协委员"),
  RESERVE_CADRE("后备干部");

  private final String label;

  OfficialRole(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
