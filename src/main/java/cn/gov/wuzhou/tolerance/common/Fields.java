package cn.gov.wuzhou.tolerance.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads and checks the variables a form or REST call submitted. Each check names the field and
 * its Chinese label in the error, so a clerk in Tasklist and an integrator both see what is wrong.
 */
public final class Fields {

  private final VariableScope scope;

  public Fields(VariableScope scope) {
    this.scope = scope;
  }

  public String text(String name, String label, int maxLength) {
    String value = optionalText(name, label, maxLength);
    if (value == null) {
      throw new InvalidFieldException(name, label, "不能为空");
    }
    return value;
  }

  public String optionalText(String name, String label, int maxLength) {
    Object raw = scope.getVariable(name);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String value)) {
      throw new InvalidFieldException(name, label, "须为文本");
    }
    if (value.isBlank()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw new InvalidFieldException(name, label, "不能超过 " + maxLength + " 个字");
    }
    return value.strip();
  }

  public <E extends Enum<E> & Coded> E code(String name, String label, Class<E> codes) {
    String value = text(name, label, 64);
    try {
      return Enum.valueOf(codes, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(name, label, "的取值 " + value + " 无效，应为 " + allowed(codes));
    }
  }

  /** A determination a person proposes or decides: tolerate, mitigate or not tolerate. */
  public Determination outcome(String name, String label) {
    Determination outcome = code(name, label, Determination.class);
    if (outcome == Determination.NOT_APPLICABLE) {
      throw new InvalidFieldException(name, label, "应为 TOLERATE、MITIGATE 或 NOT_TOLERATE：适用范围已在受理时审查");
    }
    return outcome;
  }

  public String oneOf(String name, String label, Collection<String> allowed) {
    String value = text(name, label, 64);
    if (!allowed.contains(value)) {
      throw new InvalidFieldException(name, label, "的取值 " + value + " 无效，应为 " + String.join(" | ", allowed));
    }
    return value;
  }

  public LocalDate date(String name, String label) {
    LocalDate value = optionalDate(name, label);
    if (value == null) {
      throw new InvalidFieldException(name, label, "不能为空");
    }
    return value;
  }

  public LocalDate optionalDate(String name, String label) {
    String value = optionalText(name, label, 10);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(name, label, "须为 yyyy-MM-dd 格式的日期，收到 " + value);
    }
  }

  /**
   * A yes/no answer. Radio buttons in Camunda Forms submit {@code "true"}/{@code "false"} as text;
   * such an answer is stored back as a boolean, which is what the rules and gateways read.
   */
  public boolean bool(String name, String label) {
    Object raw = scope.getVariable(name);
    if (raw instanceof Boolean value) {
      return value;
    }
    if ("true".equals(raw) || "false".equals(raw)) {
      boolean value = Boolean.parseBoolean((String) raw);
      scope.setVariable(name, value);
      return value;
    }
    throw new InvalidFieldException(name, label, raw == null ? "不能为空" : "须为是或否（true/false）");
  }

  private static <E extends Enum<E> & Coded> String allowed(Class<E> codes) {
    return Arrays.stream(codes.getEnumConstants())
        .map(code -> code.name() + " " + code.label())
        .collect(Collectors.joining(" | "));
  }
}
