package cn.gov.wuzhou.tolerance.prefiling;

import cn.gov.wuzhou.tolerance.common.Coded;

/** What kind of reform work a pre-filed plan is (M4). */
public enum InnovationNature implements Coded {
  EXPLORATORY("探索性"),
  INNOVATIVE("创新性"),
  BREAKTHROUGH("突破性");

  private final String label;

  InnovationNature(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
