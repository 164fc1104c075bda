package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Coded;

/** What the unit recorded of the official's signature on the 认定意见书. */
public enum OfficialSignature implements Coded {
  SIGNED("当事人已签收"),
  REFUSED("当事人拒绝签收");

  private final String label;

  OfficialSignature(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
