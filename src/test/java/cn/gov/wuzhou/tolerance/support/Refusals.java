package cn.gov.wuzhou.tolerance.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call was refused for bad input, and which field the refusal names. */
public final class Refusals {

  private Refusals() {}

  public static InvalidFieldException assertRefusedNaming(String field, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("refusal naming %s", field).isNotNull();
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidFieldException invalid) {
        assertThat(invalid.getField()).as("field of: %s", invalid.getMessage()).isEqualTo(field);
        return invalid;
      }
    }
    throw new AssertionError("not refused for bad input but " + thrown, thrown);
  }
}
