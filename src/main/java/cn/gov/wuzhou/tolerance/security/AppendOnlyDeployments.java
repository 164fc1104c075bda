package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals;
import cn.gov.wuzhou.tolerance.registry.DeploymentArchive;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Deployments are a record, not a draft:
 * <ul>
 *   <li>every deployment's files are archived in the registry ({@link DeploymentArchive}) in the deployment's own
 *       transaction, with author, time and SHA-256, and stay there when the deployment is deleted;</li>
 *   <li>a deployment, or a process definition, on which any process instance ran cannot be deleted by anyone,
 *       through any API, cascading or not: the case files and the registry refer to it. Whoever asks is first
 *       checked for the right to delete at all, so a process owner (who gets no {@code DELETE} on their own
 *       deployments, see {@code UnitAuthorizationProvider}) hears 403.</li>
 * </ul>
 */
@Component
public class AppendOnlyDeployments extends AbstractProcessEnginePlugin implements Deployer {

  private final DeploymentArchive archive;

  public AppendOnlyDeployments(@Lazy DeploymentArchive archive) {
    this.archive = archive;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> postDeployers = configuration.getCustomPostDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
    postDeployers.add(this);
    configuration.setCustomPostDeployers(postDeployers);
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new NoDeletionOfCases());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Authentication user = Context.getCommandContext().getAuthentication();
    // an approved owner's deployment is the owner's, deployed by the approval
    String author = DeploymentApprovals.approvedAuthor().orElse(user == null ? null : user.getUserId());
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      archive.archive(deployment.getId(), deployment.getName(), deployment.getSource(), author,
          deployment.getDeploymentTime(), resource.getKey(), resource.getValue().getBytes());
    }
  }

  static final class NoDeletionOfCases extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (command instanceof DeleteDeploymentCmd) {
        String deploymentId = read(command, "deploymentId");
        checkers(context).forEach(checker -> checker.checkDeleteDeployment(deploymentId));
        refuseIfCasesRan(context, "部署 " + deploymentId, context.runWithoutAuthorization(() -> context
            .getProcessEngineConfiguration().getRepositoryService().createProcessDefinitionQuery()
            .deploymentId(deploymentId).list()));
      } else if (command instanceof DeleteProcessDefinitionsByIdsCmd) {
        Collection<String> ids = read(command, "processDefinitionIds");
        ids.forEach(id -> checkers(context).forEach(checker -> checker.checkDeleteProcessDefinitionById(id)));
        refuseIfCasesRan(context, "流程定义", context.runWithoutAuthorization(() -> context
            .getProcessEngineConfiguration().getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionIdIn(ids.toArray(String[]::new)).list()));
      } else if (command instanceof DeleteProcessDefinitionsByKeyCmd) {
        String key = read(command, "processDefinitionKey");
        checkers(context).forEach(checker -> checker.checkDeleteProcessDefinitionByKey(key));
        refuseIfCasesRan(context, "流程定义 " + key, context.runWithoutAuthorization(() -> context
            .getProcessEngineConfiguration().getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(key).list()));
      }
      return next.execute(command);
    }

    private static void refuseIfCasesRan(CommandContext context, String what, List<ProcessDefinition> definitions) {
      long instances = context.runWithoutAuthorization(() -> definitions.stream()
          .mapToLong(definition -> context.getProcessEngineConfiguration().getHistoryService()
              .createHistoricProcessInstanceQuery().processDefinitionId(definition.getId()).count())
          .sum());
      if (instances > 0) {
        throw new BadUserRequestException(what + " 上已办理过 " + instances + " 个流程实例，不能删除：案卷和登记簿依赖它。"
            + "部署只能追加新版本，不能删除");
      }
    }

    private static List<CommandChecker> checkers(CommandContext context) {
      return context.getProcessEngineConfiguration().getCommandCheckers();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T read(Object holder, String name) {
    for (Class<?> type = holder.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(holder);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(holder.getClass().getName() + " has no field " + name + " (Camunda upgrade?)");
  }
}
