package cn.gov.wuzhou.tolerance.security;

import java.beans.FeatureDescriptor;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateCaseExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.joda.time.DateTime;

/**
 * Everything an expression reaches after the variables (which {@code VariableScopeElResolver} resolves first):
 * the beans of {@link ModelBeans} by name; entries of maps, lists and arrays (a decision's result); the ids of
 * {@code execution} and {@code task}; calls of a {@code @CallableFromModels} bean's own methods, and of the
 * date arithmetic of Tasklist filters ({@code ${dateTime().plusDays(2)}}). Anything else is refused, read or
 * call, whatever the spelling of the expression: it is the parsed expression that arrives here. A decision's
 * result may also be read through its own accessors ({@code decisionResult.getSingleResult()}).
 */
public final class SandboxElResolver extends ELResolver {

  private static final Pattern DATE_ARITHMETIC = Pattern.compile("(plus|minus|with)[A-Z][A-Za-z]*|toDate");
  // a decision's result is data: its readers, as models of earlier versions call them (decisionResult.getSingleResult())
  private static final Set<String> DECISION_RESULT_READS = Set.of("getSingleResult", "getFirstResult", "getResultList",
      "getSingleEntry", "getFirstEntry", "collectEntries", "getEntry", "getEntryMap", "get", "size", "isEmpty",
      "containsKey");
  private static final String ALLOWED = "只能读取变量、execution 和 task 的 id、processInstanceId、businessKey，"
      + "引用本系统的委托，调用标注为模型函数的方法";

  private final ModelBeans beans;
  private final ELResolver maps = new MapELResolver(true);
  private final ELResolver lists = new ListELResolver(true);
  private final ELResolver arrays = new ArrayELResolver(true);
  private final BeanELResolver methods = new BeanELResolver(true);

  SandboxElResolver(ModelBeans beans) {
    this.beans = beans;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null) {
      Object bean = property instanceof String name ? beans.reachable(name) : null;
      if (bean != null) {
        context.setPropertyResolved(true);
      }
      return bean; // an unknown name stays unresolved: the engine reports it
    }
    if (base instanceof Map) {
      return maps.getValue(context, base, property);
    }
    if (base instanceof List) {
      return lists.getValue(context, base, property);
    }
    if (base.getClass().isArray()) {
      return arrays.getValue(context, base, property);
    }
    Object id = idOf(base, String.valueOf(property));
    context.setPropertyResolved(true);
    return id;
  }

  private static Object idOf(Object base, String property) {
    if (base instanceof DelegateExecution execution) {
      switch (property) {
        case "id": return execution.getId();
        case "processInstanceId": return execution.getProcessInstanceId();
        case "businessKey", "processBusinessKey": return execution.getProcessBusinessKey();
        default: break;
      }
    } else if (base instanceof DelegateTask task) {
      switch (property) {
        case "id": return task.getId();
        case "processInstanceId": return task.getProcessInstanceId();
        case "businessKey", "processBusinessKey":
          return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        default: break;
      }
    } else if (base instanceof ExternalTask task) {
      switch (property) {
        case "id": return task.getId();
        case "processInstanceId": return task.getProcessInstanceId();
        case "businessKey": return task.getBusinessKey();
        default: break;
      }
    } else if (base instanceof DelegateCaseExecution execution) {
      switch (property) {
        case "id": return execution.getId();
        case "businessKey": return execution.getBusinessKey();
        default: break;
      }
    }
    throw new RefusedProperty("表达式不能读取 " + describe(base) + " 的 " + property + "（" + ALLOWED + "）");
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    String name = String.valueOf(method);
    if (base != null && (ModelBeans.mayInvoke(base, name)
        || (base instanceof DateTime || base instanceof Date) && DATE_ARITHMETIC.matcher(name).matches()
        || (base instanceof DmnDecisionResult || base instanceof DmnDecisionResultEntries)
            && DECISION_RESULT_READS.contains(name))) {
      return methods.invoke(context, base, method, paramTypes, params);
    }
    throw new RefusedMethod("表达式不能调用 " + describe(base) + " 的 " + name + "(…)（" + ALLOWED + "）");
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    throw new PropertyNotWritableException("表达式不能写入 " + property);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base == null ? String.class : null;
  }

  /** What the sandbox refused: the caller's model is at fault (400), not the server. */
  public interface Refusal {}

  static final class RefusedProperty extends PropertyNotFoundException implements Refusal {
    RefusedProperty(String message) {
      super(message);
    }
  }

  static final class RefusedMethod extends MethodNotFoundException implements Refusal {
    RefusedMethod(String message) {
      super(message);
    }
  }

  private static String describe(Object base) {
    if (base == null) {
      return "全局";
    }
    if (base instanceof DelegateExecution) {
      return "execution";
    }
    if (base instanceof DelegateTask) {
      return "task";
    }
    return base.getClass().getSimpleName();
  }
}
