package cn.gov.wuzhou.tolerance.prefiling;

import cn.gov.wuzhou.tolerance.common.Coded;

/** The filing authority's conclusion on a plan. */
public enum PrefilingDecision implements Coded {
  REGISTERED("予以备案"),
  RETURNED("退回补充");

  private final String label;

  PrefilingDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
