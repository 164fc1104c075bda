package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.common.CallableFromModels;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The beans of the application a model may reach: the project's delegates and listeners (named, as in
 * {@code camunda:delegateExpression="${recordDecision}"}, never called) and the project's beans marked
 * {@link CallableFromModels}, whose own public methods a model may call. Nothing else of the context.
 */
class ModelBeans implements ModelCodeCheck.Beans {

  private static final String PROJECT_PACKAGE = "cn.gov.wuzhou.tolerance.";

  private final ApplicationContext context;

  ModelBeans(ApplicationContext context) {
    this.context = context;
  }

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
    return type != null && isCallable(type) && (method == null || declares(type, method));
  }

  /** The bean a model may name, or {@code null}. */
  Object reachable(String name) {
    return isDelegate(name) || isModelFunction(name, null) ? context.getBean(name) : null;
  }

  /** Whether a model may call this method on this object: a public method the callable bean's own class declares. */
  static boolean mayInvoke(Object bean, String method) {
    Class<?> type = ClassUtils.getUserClass(bean);
    return type.getName().startsWith(PROJECT_PACKAGE) && isCallable(type) && declares(type, method);
  }

  private static boolean isCallable(Class<?> type) {
    return type.isAnnotationPresent(CallableFromModels.class);
  }

  private static boolean declares(Class<?> type, String method) {
    for (Method declared : type.getDeclaredMethods()) {
      if (declared.getName().equals(method) && Modifier.isPublic(declared.getModifiers())
          && !Modifier.isStatic(declared.getModifiers())) {
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
