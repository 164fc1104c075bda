package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.common.CallableFromModels;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
import org.springframework.util.ClassUtils;

/**
 * Deployment is not code execution: a deployment by anyone but an administrator is checked by
 * {@link ModelCodeCheck} before the engine parses it (the BPMN deployer already evaluates timer
 * expressions), and refused as a whole, with every finding named, when a model would run anything
 * but the project's own delegates. The application's own deployment at start-up has no
 * authenticated user and is not checked; administrators keep full rights.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  private static final String PROJECT_PACKAGE = "cn.gov.wuzhou.tolerance.";

  private final ModelCodeCheck check;

  public DeploymentGuard(ApplicationContext beans) {
    this.check = new ModelCodeCheck(new SpringBeans(beans));
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

  /** The application context as the expression language sees it: every bean by its name. */
  private record SpringBeans(ApplicationContext context) implements ModelCodeCheck.Beans {

    @Override
    public boolean exists(String name) {
      return context.containsBean(name);
    }

    @Override
    public boolean isDelegate(String name) {
      Class<?> type = projectType(name);
      return type != null && (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
          || TaskListener.class.isAssignableFrom(type));
    }

    @Override
    public boolean isModelFunction(String name, String method) {
      Class<?> type = projectType(name);
      if (type == null || !type.isAnnotationPresent(CallableFromModels.class)) {
        return false;
      }
      if (method == null) {
        return true;
      }
      for (Method declared : type.getDeclaredMethods()) {
        if (declared.getName().equals(method) && Modifier.isPublic(declared.getModifiers())) {
          return true;
        }
      }
      return false;
    }

    private Class<?> projectType(String name) {
      Class<?> type = context.containsBean(name) ? context.getType(name) : null;
      type = type == null ? null : ClassUtils.getUserClass(type);
      return type != null && type.getName().startsWith(PROJECT_PACKAGE) ? type : null;
    }
  }
}
