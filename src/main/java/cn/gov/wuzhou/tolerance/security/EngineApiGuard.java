package cn.gov.wuzhou.tolerance.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.rest.MetricsRestService;
import org.camunda.bpm.engine.rest.sub.batch.BatchResource;
import org.camunda.bpm.engine.rest.sub.externaltask.ExternalTaskResource;
import org.camunda.bpm.engine.rest.sub.history.HistoricExternalTaskLogResource;
import org.camunda.bpm.engine.rest.sub.history.HistoricJobLogResource;
import org.camunda.bpm.engine.rest.sub.metrics.MetricsResource;
import org.camunda.bpm.engine.rest.sub.runtime.IncidentResource;
import org.camunda.bpm.engine.rest.sub.runtime.JobResource;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Refuses, before the engine is called, what the engine would refuse only after touching something,
 * or in a way that tells an outsider which ids exist. In both engine APIs: {@code /engine-rest} and
 * the webapps' {@code /camunda/api/engine} (see {@link EngineApiGuardDiscovery}).
 *
 * <ul>
 *   <li>A change to a job, incident, external task or batch the caller cannot see is answered 404,
 *       exactly as for an id that does not exist (the engine said 403 or 400, which confirms the id).
 *       "Can see" is the engine's own query run as the caller. Whom the engine then allows to change
 *       what it sees is left to its authorizations.</li>
 *   <li>Executing a job is checked here with the engine's own rule ({@code UPDATE} on its instance):
 *       the engine checks inside the job's execution, so a refusal counted as a failure of the job,
 *       cost it a retry and made it due at once.</li>
 *   <li>Stack traces of jobs and external tasks are for administrators only (they name the code), and so are the
 *       engine-wide metrics (they count the whole city's cases).</li>
 * </ul>
 *
 * Deployments, process and job definitions need no guard: the engine answers 404 for a deployment
 * the caller may not read, everybody may read the definitions, and it refuses changes to any of them
 * before it writes anything. So whoever is granted {@code CREATE} and {@code DELETE} on deployments
 * deploys without being an administrator.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.AUTHORIZATION)
public class EngineApiGuard implements ContainerRequestFilter {

  private record Guarded(Class<?> resource, String noun, BiPredicate<ProcessEngine, String> visible) {}

  private static final List<Guarded> GUARDED = List.of(
      new Guarded(JobResource.class, "作业",
          (engine, id) -> engine.getManagementService().createJobQuery().jobId(id).count() > 0),
      new Guarded(IncidentResource.class, "故障事件",
          (engine, id) -> engine.getRuntimeService().createIncidentQuery().incidentId(id).count() > 0),
      new Guarded(ExternalTaskResource.class, "外部任务",
          (engine, id) -> engine.getExternalTaskService().createExternalTaskQuery().externalTaskId(id).count() > 0),
      new Guarded(BatchResource.class, "批处理",
          (engine, id) -> engine.getManagementService().createBatchQuery().batchId(id).count() > 0),
      new Guarded(HistoricJobLogResource.class, "作业日志",
          (engine, id) -> engine.getHistoryService().createHistoricJobLogQuery().logId(id).count() > 0),
      new Guarded(HistoricExternalTaskLogResource.class, "外部任务日志",
          (engine, id) -> engine.getHistoryService().createHistoricExternalTaskLogQuery().logId(id).count() > 0));

  // the engine-wide metrics: how many instances, tasks and decisions the whole city has
  private static final List<Class<?>> METRICS = List.of(MetricsRestService.class, MetricsResource.class);

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/?engine/([^/]+)/");

  // the reads that show a stack trace
  private static final Set<String> STACK_TRACES = Set.of("getStacktrace", "getErrorDetails");
  private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  @Context ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> resource = resourceInfo.getResourceClass();
    Method method = resourceInfo.getResourceMethod();
    if (resource == null || method == null) {
      return;
    }
    MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
    if (METRICS.stream().anyMatch(type -> type.isAssignableFrom(resource))) {
      // their {name} is the metric's: the engine is named in the path before them, if at all
      Matcher named = NAMED_ENGINE.matcher(request.getUriInfo().getPath());
      if (!isAdministrator(EngineUtil.lookupProcessEngine(named.find() ? named.group(1) : null))) {
        refuse(request, Response.Status.FORBIDDEN, "引擎的运行指标涉及全市的事项，只有系统管理员可以查看");
      }
      return;
    }
    Guarded guarded = GUARDED.stream().filter(g -> g.resource().isAssignableFrom(resource)).findFirst().orElse(null);
    boolean stackTrace = STACK_TRACES.contains(method.getName());
    if (guarded == null || READS.contains(request.getMethod()) && !stackTrace) {
      // reads go through the engine's queries, which show only what the caller may see
      return;
    }
    ProcessEngine engine = engine(path);
    if (isAdministrator(engine)) {
      return;
    }
    String id = path.getFirst("id");
    if (!guarded.visible().test(engine, id)) {
      refuse(request, Response.Status.NOT_FOUND, "没有这个" + guarded.noun() + "，或您无权查看：" + id);
    } else if (stackTrace) {
      refuse(request, Response.Status.FORBIDDEN, "异常堆栈只有系统管理员可以查看");
    } else if (guarded.resource() == JobResource.class && "executeJob".equals(method.getName())) {
      mayExecute(engine, id, request);
    }
  }

  private static ProcessEngine engine(MultivaluedMap<String, String> path) {
    return EngineUtil.lookupProcessEngine(path.getFirst("name"));
  }

  private static boolean isAdministrator(ProcessEngine engine) {
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null) {
      return false;
    }
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(caller.getUserId())
        || configuration.getAdminGroups() != null && groups.stream().anyMatch(configuration.getAdminGroups()::contains);
  }

  private static void mayExecute(ProcessEngine engine, String jobId, ContainerRequestContext request) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      configuration.getCommandExecutorTxRequired().execute(context -> {
        JobEntity job = context.getJobManager().findJobById(jobId);
        if (job != null) {
          for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkUpdateJob(job);
          }
        }
        return null;
      });
    } catch (AuthorizationException refused) {
      refuse(request, Response.Status.FORBIDDEN, "您无权立即执行这个作业");
    }
  }

  private static void refuse(ContainerRequestContext request, Response.Status status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", status == Response.Status.NOT_FOUND ? "NotFound" : "AuthorizationException");
    body.put("message", message);
    request.abortWith(Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build());
  }
}
