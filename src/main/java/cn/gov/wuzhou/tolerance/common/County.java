package cn.gov.wuzhou.tolerance.common;

/**
 * A county, district or county-level city of Wuzhou, as configured under {@code tolerance.jurisdiction.counties}. A
 * reporting unit belongs to one when its group id is {@code unit-<county code>-…}, such as {@code unit-tengxian-agri}.
 *
 * @param code           the prefix of its groups' ids, as in {@code tengxian-discipline-inspection}
 * @param label          its name, as in 藤县
 * @param partyCommittee the name of its party committee, as in 藤县县委
 */
public record County(String code, String label, String partyCommittee) {

  private static final String UNIT_PREFIX = "unit-";

  /** The SQL LIKE pattern of the county's reporting units' group ids. */
  public String unitGroupPattern() {
    return UNIT_PREFIX + code + "-%";
  }

  /** Whether the reporting unit is one of the county's. */
  public boolean hasUnit(String unitGroup) {
    return unitGroup != null && unitGroup.startsWith(UNIT_PREFIX + code + "-");
  }
}
