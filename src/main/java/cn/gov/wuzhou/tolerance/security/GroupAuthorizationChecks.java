package cn.gov.wuzhou.tolerance.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
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
 * <p>The engine's statistics per process definition ({@code /process-definition/statistics}) count all
 * the definition's running instances and incidents for anyone who may read the definition, which
 * everybody may: a unit clerk saw the whole city's open cases. They now need {@code READ_INSTANCE} on
 * the definition, which administrators have. (Cockpit's own statistics are Cockpit's, for Cockpit users.)
 */
@Component
public class GroupAuthorizationChecks extends AbstractProcessEnginePlugin {

  // above this, a shorter IN list in every check is worth the scan
  static final int MAX_GROUPS_UNNARROWED = 32;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    // replaces the engine's own AuthorizationManager factory: custom factories are registered after it
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new ToleranceAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  static class ToleranceAuthorizationManager extends AuthorizationManager {

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
}
