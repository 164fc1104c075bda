package cn.gov.wuzhou.tolerance.common;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input from a form or a REST call. The engine rolls the whole command back, so nothing is
 * half-written, and the REST layer answers 400: the message names the field by the label the clerk
 * reads in the form, the JSON {@code field} carries the variable name for integrators.
 */
public class InvalidFieldException extends BadUserRequestException {

  private final String field;

  public InvalidFieldException(String field, String label, String problem) {
    super(label + problem);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
