package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Coded;

/** What went wrong. */
public enum ErrorType implements Coded {
  GOAL_NOT_MET("未能实现预期目标"),
  DEVIATION("偏差失误"),
  PROCEDURAL("程序性、手续性偏差（含先批后补、容缺受理）");

  private final String label;

  ErrorType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
