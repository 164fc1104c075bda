package cn.gov.wuzhou.tolerance.consultation;

import cn.gov.wuzhou.tolerance.common.County;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import java.util.ArrayList;
import java.util.List;

/**
 * A level at which the discipline-inspection body and the organization department consult (M7):
 * the city, or one county. A county's reporting units are the unit groups named {@code unit-<county>-…}.
 */
public record ConsultationLevel(String code, String name, String disciplineGroup, String organizationGroup,
    String unitGroupPattern) {

  public static final String CITY = "CITY";

  public static ConsultationLevel city() {
    return new ConsultationLevel(CITY, "梧州市", Agencies.DISCIPLINE_INSPECTION, "organization-dept",
        Agencies.UNIT_PREFIX + "%");
  }

  public static ConsultationLevel of(County county) {
    return new ConsultationLevel(county.code(), county.label(), county.disciplineInspectionGroup(),
        county.organizationDeptGroup(), Agencies.UNIT_PREFIX + county.code() + "-%");
  }

  public static List<ConsultationLevel> all() {
    List<ConsultationLevel> levels = new ArrayList<>(List.of(city()));
    for (County county : County.values()) {
      levels.add(of(county));
    }
    return levels;
  }

  /** {@code CITY} or a county code such as {@code tengxian}, in any letter case. */
  public static ConsultationLevel parse(String code) {
    for (ConsultationLevel level : all()) {
      if (level.code().equalsIgnoreCase(code.strip())) {
        return level;
      }
    }
    throw new InvalidFieldException("level", "会商层级", "的取值 " + code + " 无效，应为 CITY 或县（市、区）代码 "
        + String.join(" | ", all().stream().skip(1).map(ConsultationLevel::code).toList()));
  }
}
