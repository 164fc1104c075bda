package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Coded;

/** Who erred; M1 extends the mechanism to everyone exercising public power, down to village management. */
public enum OfficialCategory implements Coded {
  PARTY_GOV_ORGAN("党政机关干部", true),
  SOE("国有企业人员", true),
  PUBLIC_INSTITUTION("事业单位人员", true),
  OTHER_PUBLIC_POWER("其他行使公权力的公职人员", true),
  VILLAGE_COMMUNITY("村（社区）基层自治组织管理人员", true),
  OTHER("其他", false);

  private final String label;
  private final boolean inScope;

  OfficialCategory(String label, boolean inScope) {
    this.label = label;
    this.inScope = inScope;
  }

  @Override
  public String label() {
    return label;
  }

  public boolean inScope() {
    return inScope;
  }
}
