package cn.gov.wuzhou.tolerance.tolerancecase;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code officialRoles} as stored: the codes of {@link OfficialRole} separated by commas, or nothing. */
final class OfficialRoles {

  private OfficialRoles() {}

  static List<String> codes(String officialRoles) {
    return officialRoles == null ? List.of() : Arrays.stream(officialRoles.split(","))
        .map(String::strip).filter(code -> !code.isEmpty()).toList();
  }

  /** The roles in words, as in 人大代表、后备干部; empty when none. */
  static String labels(String officialRoles) {
    return codes(officialRoles).stream().map(code -> OfficialRole.valueOf(code).label()).collect(Collectors.joining("、"));
  }
}
