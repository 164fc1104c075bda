package cn.gov.wuzhou.tolerance.security;

import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression evaluation with the reach of a model: process variables first, as the engine
 * resolves them, then only what {@link SandboxElResolver} lets through. The functions the engine adds
 * ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}, {@code dateTime()}) are kept.
 */
class SandboxExpressionManager extends SpringExpressionManager {

  private final ModelBeans beans;

  SandboxExpressionManager(ApplicationContext context) {
    super(context, null);
    this.beans = new ModelBeans(context);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new SandboxElResolver(beans));
    return resolver;
  }
}
