package cn.gov.wuzhou.tolerance.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Every expression the engine evaluates — in any deployment, the application's own included, in timers,
 * listeners, gateways, input mappings, DMN's JUEL and Tasklist filters — goes through the
 * {@link SandboxExpressionManager}. Set before the engine builds its parsers, which keep the manager they get.
 */
@Component
public class ExpressionSandbox extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public ExpressionSandbox(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new SandboxExpressionManager(context));
  }
}
