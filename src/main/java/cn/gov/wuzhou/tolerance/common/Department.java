package cn.gov.wuzhou.tolerance.common;

/** The bodies that take note of protection notices (M6, 结果运用), each for the matters it handles. */
public enum Department implements Coded {
  ORGANIZATION("组织部门"),
  HR("人社部门"),
  DISCIPLINE("纪检监察机关"),
  NPC("人大常委会"),
  CPPCC("政协");

  private final String label;

  Department(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
