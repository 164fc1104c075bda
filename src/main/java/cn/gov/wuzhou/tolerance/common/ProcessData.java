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

  public static boolean flag(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }
}
