package cn.gov.wuzhou.tolerance.common;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads variables that the start and task checks have already validated, in the types the forms
 * store them: text, ISO dates as text, yes/no as booleans.
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
}
