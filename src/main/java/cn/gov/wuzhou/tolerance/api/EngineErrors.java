package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * Status codes the engine REST API leaves as 500 although the caller is at fault or merely late:
 * the engine's REST resources wrap every exception of a start or a completion in a 500, including
 * our validation errors (400) and a task someone else just claimed or completed (409).
 */
final class EngineErrors {

  static final String CONFLICT_MESSAGE = "该任务刚被他人签收或办理，请刷新任务列表后重试";

  private EngineErrors() {}

  static Response toResponse(Throwable thrown) {
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    if (camunda.getStatus(thrown) != Response.Status.INTERNAL_SERVER_ERROR) {
      return camunda.getResponse(thrown);
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidFieldException invalid) {
        return body(Response.Status.BAD_REQUEST, invalid, invalid.getMessage(), invalid.getField());
      }
      if (cause instanceof BadUserRequestException badRequest) {
        return body(Response.Status.BAD_REQUEST, badRequest, badRequest.getMessage(), null);
      }
      if (cause instanceof OptimisticLockingException || cause instanceof TaskAlreadyClaimedException) {
        return body(Response.Status.CONFLICT, cause, CONFLICT_MESSAGE, null);
      }
    }
    return camunda.getResponse(thrown);
  }

  private static Response body(Response.Status status, Throwable cause, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", cause.getClass().getSimpleName());
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
