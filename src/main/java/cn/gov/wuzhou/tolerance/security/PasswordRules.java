package cn.gov.wuzhou.tolerance.security;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** Camunda's password policy in the words of a clerk, from the policy's own rules and their parameters. */
public final class PasswordRules {

  private PasswordRules() {}

  public static String describe(PasswordPolicy policy) {
    return policy.getRules().stream().map(PasswordRules::describe).collect(Collectors.joining("，"));
  }

  private static String describe(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "至少 " + parameters.get("minLength") + " 个字符";
      case "PASSWORD_POLICY_LOWERCASE" -> "至少 " + parameters.get("minLowerCase") + " 个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "至少 " + parameters.get("minUpperCase") + " 个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "至少 " + parameters.get("minDigit") + " 个数字";
      case "PASSWORD_POLICY_SPECIAL" -> "至少 " + parameters.get("minSpecial") + " 个特殊字符";
      case "PASSWORD_POLICY_USER_DATA" -> "不得包含用户名、姓名或邮箱";
      default -> rule.getPlaceholder();
    };
  }
}
