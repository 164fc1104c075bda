package cn.gov.wuzhou.tolerance.common;

import java.time.LocalDate;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads variables that the start and task checks have already validated, in the types the forms
 * store them: text, ISO dates as text, yes/no as booleans; and sets the facts the steps derive.
 */
public final class ProcessData {

  private ProcessData() {}

  public static String text(VariableScope scope, String name) {
    return (String) scope.getVariable(name);
  }

  public static LocalDate date(VariableScope scope, String name) {
    return LocalDate.parse(text(scope, name));
  }

  /** A date that a case may not have (yet), such as a verified completion date. */
  public static LocalDate optionalDate(VariableScope scope, String name) {
    String value = text(scope, name);
    return value == null || value.isBlank() ? null : LocalDate.parse(value);
  }

  /** A yes/no the case may not have, such as a finding asked only of some cases. */
  public static Boolean optionalFlag(VariableScope scope, String name) {
    return (Boolean) scope.getVariable(name);
  }

  public static boolean flag(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  /**
   * Sets a derived fact unless the case holds that value already: the engine writes a history row (and reads the
   * variable's history back) for every write, and a fact worked out again unchanged, as when the rules reassess a
   * reviewed case or a body keeps the proposed deadline, says nothing new.
   */
  public static void setIfChanged(VariableScope scope, String name, Object value) {
    if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
      scope.setVariable(name, value);
    }
  }
}
