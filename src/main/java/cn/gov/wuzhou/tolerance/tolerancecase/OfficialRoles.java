package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code officialRoles} as stored: the codes of {@link OfficialRole} separated by commas, or nothing. */
final class OfficialRoles {

  static final String FIELD = "officialRoles";
  static final String LABEL = "当事人身份";

  private OfficialRoles() {}

  static List<String> codes(String officialRoles) {
    return officialRoles == null ? List.of() : Arrays.stream(officialRoles.split(","))
        .map(String::strip).filter(code -> !code.isEmpty()).toList();
  }

  /** The roles in words, as in 人大代表、后备干部; empty when none. */
  static String labels(String officialRoles) {
    return codes(officialRoles).stream().map(code -> OfficialRole.valueOf(code).label()).collect(Collectors.joining("、"));
  }

  /** The roles a client sent, checked to be roles, in the order of {@link OfficialRole}: one spelling per set. */
  static String checked(String officialRoles) {
    List<String> codes = codes(officialRoles);
    for (String code : codes) {
      if (Arrays.stream(OfficialRole.values()).noneMatch(role -> role.name().equals(code))) {
        throw new InvalidFieldException(FIELD, LABEL, "的取值 " + code + " 无效，应为党代表、人大代表、政协委员或后备干部");
      }
    }
    return Arrays.stream(OfficialRole.values()).map(OfficialRole::name).filter(codes::contains)
        .collect(Collectors.joining(","));
  }
}
