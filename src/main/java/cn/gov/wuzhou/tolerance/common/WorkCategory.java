package cn.gov.wuzhou.tolerance.common;

/** The work a plan or a case belongs to, and the circumstance of the measures it falls under. */
public enum WorkCategory implements Coded {
  RURAL_REVITALIZATION("乡村振兴", Circumstance.KEY_WORK),
  POVERTY_ALLEVIATION("脱贫攻坚", Circumstance.KEY_WORK),
  LIVELIHOOD("保障和改善民生", Circumstance.KEY_WORK),
  EAST_INTEGRATION("“东融”战略", Circumstance.KEY_AREA),
  KEY_REFORM("重点改革任务", Circumstance.KEY_AREA),
  THREE_YEARS_THREE_PROJECTS("“三年三工程”", Circumstance.KEY_AREA),
  BUSINESS_ENVIRONMENT("优化营商环境", Circumstance.KEY_AREA),
  INVESTMENT_ATTRACTION("招商引资", Circumstance.SERVICE_INNOVATION),
  TALENT_ATTRACTION("招才引智", Circumstance.SERVICE_INNOVATION),
  ENTERPRISE_SERVICE("服务企业", Circumstance.SERVICE_INNOVATION),
  GOVERNMENT_SERVICE("政务服务（审批服务）", Circumstance.SERVICE_INNOVATION),
  OTHER("其他", Circumstance.OTHER);

  private final String label;
  private final Circumstance circumstance;

  WorkCategory(String label, Circumstance circumstance) {
    this.label = label;
    this.circumstance = circumstance;
  }

  @Override
  public String label() {
    return label;
  }

  public Circumstance circumstance() {
    return circumstance;
  }
}
