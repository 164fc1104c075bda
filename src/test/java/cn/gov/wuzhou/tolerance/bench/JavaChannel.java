package cn.gov.wuzhou.tolerance.bench;

import cn.gov.wuzhou.tolerance.bench.CaseScripts.Clerk;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The same clerks through the Java API in the application's JVM: the same engine commands as the
 * REST resources run (latest definition + submit start form, the filter's page, claim, submit task
 * form), as the same authenticated users, without HTTP, JSON and the per-request log-in: the
 * engine's own limit. Groups are looked up once per user.
 */
final class JavaChannel implements Channel {

  private final IdentityService identity;
  private final FilterService filters;
  private final FormService forms;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final Recorder recorder;
  private final String filterId;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  JavaChannel(ProcessEngine engine, Recorder recorder) {
    this.identity = engine.getIdentityService();
    this.filters = engine.getFilterService();
    this.forms = engine.getFormService();
    this.tasks = engine.getTaskService();
    this.repository = engine.getRepositoryService();
    this.recorder = recorder;
    this.filterId = filters.createFilterQuery().filterName(RestChannel.FILTER_NAME).singleResult().getId();
  }

  @Override
  public String name() {
    return "Java API";
  }

  @Override
  public String start(Clerk clerk, Map<String, Object> form) {
    return as(clerk, "start", () -> {
      String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("toleranceCase")
          .withoutTenantId().latestVersion().singleResult().getId();
      return forms.submitStartForm(definitionId, form).getId();
    });
  }

  @Override
  public List<TaskRow> list(Clerk clerk, String caseInstanceId, boolean deliberation) {
    return as(clerk, "task list", () -> {
      TaskQuery query = tasks.createTaskQuery();
      if (deliberation) {
        query.processDefinitionKey("complexMatterDeliberation").processVariableValueEquals("caseInstanceId", caseInstanceId);
      } else {
        query.processInstanceId(caseInstanceId);
      }
      List<Task> page = filters.listPage(filterId, query, 0, 15);
      return page.stream().map(task -> new TaskRow(task.getId(), task.getTaskDefinitionKey())).toList();
    });
  }

  @Override
  public void claim(Clerk clerk, String taskId) {
    as(clerk, "claim", () -> {
      tasks.claim(taskId, clerk.user());
      return null;
    });
  }

  @Override
  public void complete(Clerk clerk, String taskId, Map<String, Object> form) {
    as(clerk, "complete", () -> {
      forms.submitTaskForm(taskId, form);
      return null;
    });
  }

  private <T> T as(Clerk clerk, String kind, Supplier<T> work) {
    List<String> groupIds = groups.computeIfAbsent(clerk.user(), user -> identity.createGroupQuery()
        .groupMember(user).list().stream().map(Group::getId).toList());
    long start = System.nanoTime();
    identity.setAuthentication(clerk.user(), groupIds, List.of());
    try {
      T result = work.get();
      recorder.record(kind, System.nanoTime() - start);
      return result;
    } catch (OptimisticLockingException e) {
      recorder.record(kind, System.nanoTime() - start);
      recorder.failure(kind);
      throw new Refused(kind + ": " + e.getMessage(), true);
    } catch (RuntimeException e) {
      recorder.record(kind, System.nanoTime() - start);
      recorder.failure(kind);
      throw new Refused(kind + ": " + e, false);
    } finally {
      identity.clearAuthentication();
    }
  }
}
