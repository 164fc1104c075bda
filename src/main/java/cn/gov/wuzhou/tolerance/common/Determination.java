package cn.gov.wuzhou.tolerance.common;

/** How a case is decided; the first three are also the codes of recommendations and opinions. */
public enum Determination implements Coded {
  TOLERATE("容错免责"),
  MITIGATE("减轻处理"),
  NOT_TOLERATE("不予容错"),
  NOT_APPLICABLE("不属于容错纠错适用范围");

  private final String label;

  Determination(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
