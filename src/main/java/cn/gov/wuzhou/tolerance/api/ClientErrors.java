package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.security.PasswordRules;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * A client's mistakes the engine REST API answers with a 500, or with a status that misleads:
 * answered with the 4xx they are and a message in Chinese that names no code. Consulted by
 * {@link EngineErrors} before its own rules; {@code null} when none of these applies.
 */
final class ClientErrors {

  // process-instance/{id}/… and task/{id}/…, also under engine/{name}/
  private static final Pattern INSTANCE_OR_TASK = Pattern.compile("(?:^|/)(process-instance|execution|task)/([^/]+)/(.+)$");
  // a decision requirements definition's statistics (the engine fails on an id it does not know)
  private static final Pattern DRD_STATISTICS =
      Pattern.compile("(?:^|/)history/decision-requirements-definition/([^/]+)/statistics/?$");
  // the XML parsers refuse a document type declaration (it could pull in external entities)
  private static final String DOCTYPE = "DOCTYPE is disallowed";
  private static final Pattern TASK_ACTION = Pattern.compile("claim|unclaim|complete|submit-form|resolve|assignee|delegate");
  private static final Pattern CONDITION = Pattern.compile("(?:^|/)condition/?$");
  // the engine's words for a serialized object it will not store (Java serialization is off, there is no JSON format)
  private static final Pattern JAVA_SERIALIZED = Pattern.compile("ENGINE-17007 Cannot set variable with name (.+)\\. Java");
  private static final String NO_SERIALIZER = "Cannot find serializer for value";
  // no process has a conditional start event (ENGINE-13043), or the one named has none (ENGINE-13042)
  private static final Pattern NO_CONDITIONAL_START = Pattern.compile("^ENGINE-1304[23] ");
  private static final String WEAK_PASSWORD = "Password does not match policy";
  private static final Pattern NAMED_ENGINE = Pattern.compile("(?:^|/)engine/([^/]+)/");

  private ClientErrors() {}

  static Response toResponse(Throwable thrown, String path) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      // a refusal that a resource wrapped into a 400 of its own ("Task id is null" for an attachment)
      if (cause != thrown && cause instanceof AuthorizationException refused) {
        return body(Response.Status.FORBIDDEN, "AuthorizationException", refused.getMessage(), null);
      }
      // first: the engine wraps it into a status of its own with an English preamble
      if (cause instanceof InvalidFieldException invalid) {
        return body(Response.Status.BAD_REQUEST, "InvalidFieldException", invalid.getMessage(), invalid.getField());
      }
      if (cause instanceof ProcessEngineException && cause.getMessage() != null) {
        Matcher serialized = JAVA_SERIALIZED.matcher(cause.getMessage());
        boolean javaSerialized = serialized.find();
        if (javaSerialized || cause.getMessage().startsWith(NO_SERIALIZER)) {
          String field = javaSerialized ? serialized.group(1) : null;
          return body(Response.Status.BAD_REQUEST, "InvalidFieldException", (field == null ? "变量" : field + "（变量）")
              + "不接受对象（Object）类型的取值：请以文本、数字、布尔值或日期提交", field);
        }
        if (CONDITION.matcher(path).find() && NO_CONDITIONAL_START.matcher(cause.getMessage()).find()) {
          return body(Response.Status.NOT_FOUND, "NotFound", "没有可按条件启动的流程", null);
        }
        if (cause.getMessage().contains(DOCTYPE) && path.contains("deployment")) {
          return body(Response.Status.BAD_REQUEST, "InvalidModelException", "部署的文件含有 DOCTYPE 声明（<!DOCTYPE …>）："
              + "流程、决策和表单文件不得声明文档类型，请删除后重新部署", null);
        }
        if (WEAK_PASSWORD.equals(cause.getMessage())) {
          PasswordPolicy policy = engine(path).getIdentityService().getPasswordPolicy();
          return body(Response.Status.BAD_REQUEST, "InvalidFieldException",
              "密码不符合密码策略：" + PasswordRules.describe(policy), "password");
        }
      }
    }
    Response drd = unknownDecisionRequirements(thrown, path);
    return drd != null ? drd : unknownInstanceOrTask(thrown, path);
  }

  private static Response unknownDecisionRequirements(Throwable thrown, String path) {
    Matcher statistics = DRD_STATISTICS.matcher(path);
    if (!statistics.find()
        || ExceptionHandlerHelper.getInstance().getStatus(thrown) != Response.Status.INTERNAL_SERVER_ERROR) {
      return null;
    }
    String id = statistics.group(1);
    boolean exists = ((ProcessEngineConfigurationImpl) engine(path).getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> {
          context.disableAuthorizationCheck();
          return context.getDecisionRequirementsDefinitionManager().findDecisionRequirementsDefinitionById(id) != null;
        });
    return exists ? null : body(Response.Status.NOT_FOUND, "NotFound", "决策需求定义 " + id + " 不存在", null);
  }

  // An id that is not there: the engine says 500 (null value), or 409 for a task action, as if someone
  // else had just taken the task. A task that existed and is finished stays a conflict (EngineErrors).
  private static Response unknownInstanceOrTask(Throwable thrown, String path) {
    Matcher target = INSTANCE_OR_TASK.matcher(path);
    if (!target.find()) {
      return null;
    }
    String kind = target.group(1);
    boolean task = "task".equals(kind);
    boolean action = task && TASK_ACTION.matcher(target.group(3)).matches();
    boolean engineFailed = ExceptionHandlerHelper.getInstance().getStatus(thrown) == Response.Status.INTERNAL_SERVER_ERROR;
    if (!action && !engineFailed) {
      return null;
    }
    String id = target.group(2);
    Existence existence = existence(task, id, path);
    if (existence == Existence.RUNNING || action && existence == Existence.FINISHED) {
      return null;
    }
    return body(Response.Status.NOT_FOUND, "NotFound", switch (kind) {
      case "task" -> "任务 " + id + " 不存在或已办结";
      case "execution" -> "执行 " + id + " 不存在或已结束";
      default -> "流程实例 " + id + " 不存在或已结束";
    }, null);
  }

  private enum Existence { RUNNING, FINISHED, NEVER }

  private static Existence existence(boolean task, String id, String path) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine(path).getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      return task ? taskExistence(context, id) : instanceExistence(context, id);
    });
  }

  private static Existence taskExistence(CommandContext context, String id) {
    if (context.getTaskManager().findTaskById(id) != null) {
      return Existence.RUNNING;
    }
    return context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(id) != null
        ? Existence.FINISHED : Existence.NEVER;
  }

  private static Existence instanceExistence(CommandContext context, String id) {
    return context.getExecutionManager().findExecutionById(id) != null ? Existence.RUNNING : Existence.NEVER;
  }

  // the engine a path under engine/{name}/ addresses, else the default one, as the REST resources look it up
  private static ProcessEngine engine(String path) {
    Matcher named = NAMED_ENGINE.matcher(path);
    return EngineUtil.lookupProcessEngine(named.find() ? named.group(1) : null);
  }

  private static Response body(Response.Status status, String type, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
