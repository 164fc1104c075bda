package cn.gov.wuzhou.tolerance.api;

import java.util.regex.Pattern;

/** The registry's numbers: a prefix, the year and a four-digit sequence, as in {@code WZRC-2026-0001}. */
final class RegistryNumber {

  private static final Pattern FORMAT = Pattern.compile("[A-Z]{4}-\\d{4}-\\d{4}");

  private RegistryNumber() {}

  static void check(String parameter, String value, String prefix) {
    if (!FORMAT.matcher(value).matches() || !value.startsWith(prefix + "-")) {
      throw ApiException.badRequest("参数 " + parameter + " 的取值 " + value + " 格式不正确，应形如 " + prefix + "-2026-0001");
    }
  }
}
