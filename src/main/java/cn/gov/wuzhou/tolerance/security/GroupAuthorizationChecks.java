package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.common.EngineSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks without the engine's scan of the whole authorization table in every command,
 * and instance counts only for those who may read every instance counted.
 *
 * <p>Before it checks a user's permissions, the engine narrows the user's groups to those named in
 * any authorization: {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, once per command
 * (camunda-bpm-platform#5485). Every case leaves about 30 per-instance grants in that table, so each
 * request became slower with every case ever filed: after 400 cases it was half of the database time
 * of a case over REST, and the Java API did 11.5 instead of 20.2 cases/s (benchmark, H2, 2 cores).
 * Narrowing only shortens the IN list of the checks (a group without authorizations grants nothing),
 * so for a user in a few groups it is skipped; a user in very many groups is still narrowed.
 *
 * <p>Whether any {@code REVOKE} authorization exists decides whether the checks must look for one (the engine's
 * {@code authorization-check-revokes: auto}); the engine asks the database in every command that checks anything,
 * a sixth of all the statements of a case over REST (benchmark). It is asked here at most every
 * {@link Revokes#FRESH_FOR} per node: a {@code REVOKE} saved on this node counts at once, one written on another
 * node or in SQL within that time. While any exists, every check looks for them, as the engine's would.
 *
 * <p>The engine's statistics per process definition ({@code /process-definition/statistics}) count all
 * the definition's running instances and incidents for anyone who may read the definition, which
 * everybody may: a unit clerk saw the whole city's open cases. They now need {@code READ_INSTANCE} on
 * the definition, which administrators have. (Cockpit's own statistics are Cockpit's, for Cockpit users.)
 */
@Component
public class GroupAuthorizationChecks extends AbstractProcessEnginePlugin {

  // above this, a shorter IN list in every check is worth the scan
  static final int MAX_GROUPS_UNNARROWED = 32;

  private final Revokes revokes = new Revokes();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, AuthorizationManager.class, () -> new ToleranceAuthorizationManager(revokes));
  }

  static class ToleranceAuthorizationManager extends AuthorizationManager {

    private final Revokes revokes;

    ToleranceAuthorizationManager(Revokes revokes) {
      this.revokes = revokes;
    }

    @Override
    protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
      if (isRevokeAuthCheckUsed == null && ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO
          .equalsIgnoreCase(Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes())) {
        isRevokeAuthCheckUsed = revokes.exist(this::anyRevokeStored);
      }
      return super.isRevokeAuthCheckEnabled(userId, groupIds);
    }

    private boolean anyRevokeStored() {
      AuthorizationQueryImpl revokesQuery = new AuthorizationQueryImpl();
      revokesQuery.authorizationType(Authorization.AUTH_TYPE_REVOKE);
      return (Long) getDbEntityManager().selectOne("selectAuthorizationCountByQueryCriteria", revokesQuery) > 0;
    }

    @Override
    public void insert(DbEntity authorization) {
      super.insert(authorization);
      noteRevoke(authorization);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
      super.update(authorization);
      noteRevoke(authorization);
    }

    private void noteRevoke(DbEntity authorization) {
      if (authorization instanceof AuthorizationEntity entity
          && entity.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        revokes.saved();
      }
    }

    @Override
    public void configureProcessDefinitionStatisticsQuery(ProcessDefinitionStatisticsQueryImpl query) {
      configureQuery(query, Resources.PROCESS_DEFINITION, "RES.KEY_", Permissions.READ_INSTANCE);
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds != null && authenticatedGroupIds.size() <= MAX_GROUPS_UNNARROWED) {
        return new ArrayList<>(authenticatedGroupIds);
      }
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
  }

  /** Whether any {@code REVOKE} authorization exists, as last asked, shared by the commands of this node. */
  static final class Revokes {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private boolean known;
    private boolean exist;
    private long askedAt;
    private long saves;

    boolean exist(BooleanSupplier ask) {
      long now = System.nanoTime();
      long savesBefore;
      synchronized (this) {
        if (known && now - askedAt < FRESH_FOR.toNanos()) {
          return exist;
        }
        savesBefore = saves;
      }
      boolean answer = ask.getAsBoolean();
      synchronized (this) {
        // a REVOKE saved meanwhile was perhaps not committed when the database answered
        if (saves != savesBefore) {
          return true;
        }
        known = true;
        exist = answer;
        askedAt = now;
      }
      return answer;
    }

    synchronized void saved() {
      known = true;
      exist = true;
      askedAt = System.nanoTime();
      saves++;
    }
  }
}
