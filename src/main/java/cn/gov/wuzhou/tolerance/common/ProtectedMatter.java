package cn.gov.wuzhou.tolerance.common;

/** What a tolerated official is not to be affected in (M6, 结果运用). */
public enum ProtectedMatter implements Coded {
  PARTY_CONDUCT_ASSESSMENT("党风廉政考核"),
  ANNUAL_ASSESSMENT("年度考核"),
  AWARDS("评先评优"),
  SELECTION_APPOINTMENT("选拔任用"),
  RANK_TITLE_PROMOTION("职级职称晋升"),
  INTEGRITY_OPINION("党风廉政意见回复"),
  PARTY_CONGRESS_DELEGATE("党代表资格"),
  NPC_DEPUTY("人大代表资格"),
  CPPCC_MEMBER("政协委员资格"),
  RESERVE_CADRE("后备干部资格");

  private final String label;

  ProtectedMatter(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
