package cn.gov.wuzhou.tolerance.security;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.type.PrimitiveValueTypeImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Tasklist sends what a Camunda Form's checklist or tag list holds as a variable of type {@code Json} (the
 * list, as JSON text). This engine has no JSON data format, so such a value arrives as text and the form's
 * contract ({@link FormContract}) reads the list from it and keeps the choices as codes separated by commas,
 * the way a REST client sends them.
 */
@Component
public class FormListValues extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getValueTypeResolver().addType(new JsonText());
  }

  static final class JsonText extends PrimitiveValueTypeImpl {

    JsonText() {
      super("json", String.class);
    }

    @Override
    public TypedValue createValue(Object value, Map<String, Object> valueInfo) {
      return Variables.stringValue((String) value);
    }
  }
}
