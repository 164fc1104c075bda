package cn.gov.wuzhou.tolerance.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * The counties, districts and county-level city of Wuzhou. A reporting unit belongs to one when its group id is
 * {@code unit-<county code>-…}, such as {@code unit-tengxian-agri}.
 */
public enum County implements Coded {
  WANXIU("万秀区", "万秀区委"),
  CHANGZHOU("长洲区", "长洲区委"),
  LONGXU("龙圩区", "龙圩区委"),
  CANGWU("苍梧县", "苍梧县委"),
  TENGXIAN("藤县", "藤县县委"),
  MENGSHAN("蒙山县", "蒙山县委"),
  CENXI("岑溪市", "岑溪市委");

  private static final String UNIT_PREFIX = "unit-";

  private final String label;
  private final String partyCommittee;

  County(String label, String partyCommittee) {
    this.label = label;
    this.partyCommittee = partyCommittee;
  }

  @Override
  public String label() {
    return label;
  }

  /** The county's code, the prefix of its groups' ids, as in {@code tengxian-discipline-inspection}. */
  public String code() {
    return name().toLowerCase();
  }

  /** The name of the county's party committee, as in 藤县县委. */
  public String partyCommittee() {
    return partyCommittee;
  }

  /** The SQL LIKE pattern of the county's reporting units' group ids. */
  public String unitGroupPattern() {
    return UNIT_PREFIX + code() + "-%";
  }

  public static Optional<County> ofCode(String code) {
    return Arrays.stream(values()).filter(county -> county.code().equalsIgnoreCase(code)).findFirst();
  }

  /** The county a reporting unit belongs to; none for the city's units. */
  public static Optional<County> ofUnit(String unitGroup) {
    return Arrays.stream(values())
        .filter(county -> unitGroup != null && unitGroup.startsWith(UNIT_PREFIX + county.code() + "-")).findFirst();
  }
}
