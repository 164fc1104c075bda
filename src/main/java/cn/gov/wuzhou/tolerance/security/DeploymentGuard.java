package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Deployment is not code execution: a deployment by anyone but an administrator is checked by
 * {@link ModelCodeCheck} before the engine parses it (the BPMN deployer already evaluates timer
 * expressions), and refused as a whole, with every finding named, when a model names a Java class or
 * would call anything but the project's own delegates and model functions. This is the early, friendly
 * answer; the {@link ExpressionSandbox} holds for every deployment whatever a file says. A deployment that
 * passes is not deployed either: it is kept in the registry until an administrator approves it
 * ({@link HeldForApproval}), so nothing of it reaches the engine's definitions before a second person saw it.
 * The application's own deployment at start-up has no authenticated user and is not checked; administrators
 * keep full rights.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  private final ModelCodeCheck check;
  private final DeploymentApprovals approvals;

  public DeploymentGuard(ApplicationContext beans, @Lazy DeploymentApprovals approvals) {
    this.check = new ModelCodeCheck(new ModelBeans(beans));
    this.approvals = approvals;
  }

  /**
   * The deployment was kept for an administrator's approval and did not reach the engine; the REST API
   * answers 202 with the number.
   */
  public static class HeldForApproval extends ProcessEngineException {
    private final String pendingNo;

    HeldForApproval(String pendingNo) {
      super("已提交，待管理员审批（编号 " + pendingNo + "）：管理员在“部署审批”页面查看规则预览和规则变化后批准，批准后才生效");
      this.pendingNo = pendingNo;
    }

    public String pendingNo() {
      return pendingNo;
    }
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
      // a file the parser cannot read is called malformed, not code
      boolean malformedOnly = findings.stream().allMatch(finding -> finding.message().startsWith("不是有效的"));
      String message = (malformedOnly ? "部署被拒绝：" : "部署被拒绝：流程、规则和表单不能执行代码，规则只能判断案件事实。")
          + findings.stream().map(ModelCodeCheck.Finding::getMessage).collect(Collectors.joining("；"));
      throw new ParseException(message, findings.get(0).resource(), List.copyOf(findings), List.of());
    }
    // a second person approves before it takes effect: the files wait in the registry, the engine deploys nothing
    Map<String, byte[]> files = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> files.put(name, resource.getBytes()));
    throw new HeldForApproval(approvals.submit(deployment.getName(), deployment.getSource(),
        Context.getCommandContext().getAuthentication().getUserId(), files));
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
