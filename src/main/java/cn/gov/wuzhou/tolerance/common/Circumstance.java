package cn.gov.wuzhou.tolerance.common;

/** The kinds of circumstance the measures name (M2, M3); the determination rules read these. */
public enum Circumstance implements Coded {
  KEY_WORK("重点工作"),
  KEY_AREA("重点领域"),
  SERVICE_INNOVATION("招商引资、招才引智、服务企业、政务服务"),
  OTHER("其他");

  private final String label;

  Circumstance(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
