package cn.gov.wuzhou.tolerance.identity;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Grants every reporting unit the right to start cases, at the moment its group is created, so a
 * unit added in Admin (a group whose id starts with {@code unit-}) works without a code change.
 * Which cases a unit may then see is granted per instance by {@link BindReportingUnit}.
 */
public class UnitAuthorizationProvider extends DefaultAuthorizationProvider {

  static final List<String> UNIT_STARTABLE_PROCESSES = List.of("prefiling", "toleranceCase");

  @Override
  public AuthorizationEntity[] newGroup(Group group) {
    List<AuthorizationEntity> authorizations = new ArrayList<>(Arrays.asList(super.newGroup(group)));
    if (Agencies.isUnit(group.getId())) {
      for (String processKey : UNIT_STARTABLE_PROCESSES) {
        authorizations.add(createGrantAuthorization(null, group.getId(), PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE));
      }
      authorizations.add(createGrantAuthorization(null, group.getId(), PROCESS_INSTANCE, Authorization.ANY, CREATE));
    }
    return authorizations.toArray(new AuthorizationEntity[0]);
  }

  /**
   * A task made in this command has no authorizations stored yet, so the grants to its candidate groups need no
   * look-up first (two statements per group and task: its runtime and its history grant). Any other task's are
   * looked up as the engine does.
   */
  @Override
  protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId, Resource resource) {
    CachedDbEntity task = Context.getCommandContext().getDbEntityManager().getDbEntityCache()
        .getCachedEntity(TaskEntity.class, taskId);
    if (task != null && task.getEntityState() == DbEntityState.TRANSIENT) {
      return null;
    }
    return super.getGrantAuthorization(taskId, userId, groupId, resource);
  }

  /**
   * A clerk who claims a task of one of their own groups works on it through the group's grant on the task; a grant
   * of their own (two look-ups and two rows per claim: runtime and history) is made only for an assignee outside the
   * task's candidate groups, as when an administrator hands the task to someone.
   */
  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (newAssignee != null && claimsForOwnGroup(task, newAssignee)) {
      return null;
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  private static boolean claimsForOwnGroup(Task task, String assignee) {
    Authentication caller = Context.getCommandContext().getAuthentication();
    if (caller == null || !assignee.equals(caller.getUserId()) || caller.getGroupIds() == null
        || !(task instanceof TaskEntity entity)) {
      return false;
    }
    return entity.getIdentityLinks().stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
        && link.getGroupId() != null && caller.getGroupIds().contains(link.getGroupId()));
  }

  /**
   * The deployer reads what they deployed but may not delete it (the engine's default grants DELETE too):
   * deployments are append-only for everyone but administrators, who hold every right anyway.
   */
  @Override
  public AuthorizationEntity[] newDeployment(Deployment deployment) {
    Authentication caller = Context.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return null;
    }
    return new AuthorizationEntity[] {
        createGrantAuthorization(caller.getUserId(), null, DEPLOYMENT, deployment.getId(), READ)};
  }
}
