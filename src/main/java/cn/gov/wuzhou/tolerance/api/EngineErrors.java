package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.database.DatabaseOutage;
import cn.gov.wuzhou.tolerance.security.DeploymentGuard;
import cn.gov.wuzhou.tolerance.security.SandboxElResolver;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Status codes the engine REST API gets wrong for the people using it: its resources wrap every
 * exception of a start or a completion in a 500, including our validation errors (400); and a task
 * someone else just claimed or completed is a conflict (409) with a message a clerk understands,
 * whether the two requests collided in the database or the task was already gone.
 */
final class EngineErrors {

  static final String CONFLICT_MESSAGE = "该任务刚被他人签收或办理，请刷新任务列表后重试";

  // claiming, completing or submitting a task's form
  private static final Pattern TASK_ACTION = Pattern.compile("task/([^/]+)/(claim|complete|submit-form)$");

  private EngineErrors() {}

  static Response toResponse(Throwable thrown, String path) {
    if (DatabaseOutage.causedBy(thrown)) {
      return unavailable(thrown);
    }
    try {
      return classified(thrown, path);
    } catch (RuntimeException lookup) {
      // telling a client's mistake from a lost race asks the database; while it is out of reach that is an outage too
      if (DatabaseOutage.causedBy(lookup)) {
        return unavailable(thrown);
      }
      throw lookup;
    }
  }

  private static Response unavailable(Throwable thrown) {
    return Response.fromResponse(body(Response.Status.SERVICE_UNAVAILABLE, thrown, DatabaseOutage.MESSAGE, null))
        .header("Retry-After", "5").build();
  }

  private static Response classified(Throwable thrown, String path) {
    Response clientError = ClientErrors.toResponse(thrown, path);
    if (clientError != null) {
      return clientError;
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause instanceof TaskAlreadyClaimedException) {
        return body(Response.Status.CONFLICT, cause, CONFLICT_MESSAGE, null);
      }
    }
    Matcher taskAction = TASK_ACTION.matcher(path);
    if (taskAction.find() && !taskExists(taskAction.group(1))) {
      return body(Response.Status.CONFLICT, thrown, CONFLICT_MESSAGE, null);
    }
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    if (camunda.getStatus(thrown) != Response.Status.INTERNAL_SERVER_ERROR) {
      return camunda.getResponse(thrown);
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof DeploymentGuard.HeldForApproval held) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "HeldForApproval");
        body.put("message", held.getMessage());
        body.put("pendingNo", held.pendingNo());
        return Response.status(Response.Status.ACCEPTED).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
      }
      if (cause instanceof SandboxElResolver.Refusal) {
        // a model that reaches beyond the sandbox, e.g. a timer evaluated while deploying
        return body(Response.Status.BAD_REQUEST, cause, "模型中的表达式被拒绝：" + cause.getMessage(), null);
      }
      if (cause instanceof BadUserRequestException badRequest) {
        return body(Response.Status.BAD_REQUEST, badRequest, badRequest.getMessage(), null);
      }
    }
    return camunda.getResponse(thrown);
  }

  // Depending on the moment, the engine reports a task completed by someone else as not found, as
  // null or as not authorized (its authorizations went with it): so ask whether the task is still there.
  private static boolean taskExists(String taskId) {
    ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          context.disableAuthorizationCheck();
          return context.getTaskManager().findTaskById(taskId) != null;
        });
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
