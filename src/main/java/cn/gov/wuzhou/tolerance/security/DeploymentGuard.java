package cn.gov.wuzhou.tolerance.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Deployment is not code execution: a deployment by anyone but an administrator is checked by
 * {@link ModelCodeCheck} before the engine parses it (the BPMN deployer already evaluates timer
 * expressions), and refused as a whole, with every finding named, when a model names a Java class or
 * would call anything but the project's own delegates and model functions. This is the early, friendly
 * answer; the {@link ExpressionSandbox} holds for every deployment whatever a file says. The application's own deployment at start-up has no
 * authenticated user and is not checked; administrators keep full rights.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  private final ModelCodeCheck check;

  public DeploymentGuard(ApplicationContext beans) {
    this.check = new ModelCodeCheck(new ModelBeans(beans));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(0, this);
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    // the deployers run again for every deployment read back into the cache: only a new one is checked
    if (!deployment.isNew() || !checked()) {
      return;
    }
    List<ModelCodeCheck.Finding> findings = new ArrayList<>();
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      findings.addAll(check(resource.getKey(), resource.getValue().getBytes()));
    }
    if (!findings.isEmpty()) {
      String message = "部署被拒绝：流程、规则和表单不能执行代码。"
          + findings.stream().map(ModelCodeCheck.Finding::getMessage).collect(Collectors.joining("；"));
      throw new ParseException(message, findings.get(0).resource(), List.copyOf(findings), List.of());
    }
  }

  /** What in this file would run code; empty when it runs only the project's own. */
  public List<ModelCodeCheck.Finding> check(String resource, byte[] content) {
    return check.check(resource, content);
  }

  private static boolean checked() {
    CommandContext context = Context.getCommandContext();
    Authentication user = context.getAuthentication();
    return user != null && user.getUserId() != null && !context.getAuthorizationManager().isCamundaAdmin(user);
  }
}
