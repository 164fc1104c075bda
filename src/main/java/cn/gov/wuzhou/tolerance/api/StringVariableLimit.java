package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * A text variable longer than its database column is refused, naming the variable, before the
 * database refuses it with a persistence error (a 500 that names nothing). Applies to every way of
 * setting a variable, whoever sets it.
 */
@Component
public class StringVariableLimit extends AbstractProcessEnginePlugin {

  /** {@code TEXT_} of the engine's variable and history tables is a VARCHAR(4000) on every database. */
  public static final int MAX_LENGTH = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    @SuppressWarnings("rawtypes")
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    // placed before the engine's own string serializer, so it is the one chosen to write a text
    serializers.add(new LimitedStringSerializer());
    configuration.setCustomPreVariableSerializers(serializers);
  }

  static class LimitedStringSerializer extends StringValueSerializer {

    @Override
    public void writeValue(StringValue value, ValueFields fields) {
      String text = value.getValue();
      if (text != null && text.length() > MAX_LENGTH) {
        throw new InvalidFieldException(fields.getName(), "变量 " + fields.getName(),
            "不能超过 " + MAX_LENGTH + " 个字（现有 " + text.length() + " 个）");
      }
      super.writeValue(value, fields);
    }
  }
}
