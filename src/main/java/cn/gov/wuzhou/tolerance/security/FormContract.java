package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.api.StringVariableLimit;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a person may submit with one deployed Camunda Form: the keys of its editable fields, each with
 * the form's type, options and limits, and its read-only (disabled) fields, which may only come back
 * unchanged. A form the process owner edits in Modeler is thereby the whole contract of its step.
 */
final class FormContract {

  /** No field at all: a step without a Camunda Form accepts no variables from a client. */
  static final FormContract NONE = new FormContract(Map.of());

  static final int MAX_TEXT = StringVariableLimit.MAX_LENGTH;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<ValueType> PLAIN_TYPES = Set.of(ValueType.STRING, ValueType.BOOLEAN,
      ValueType.INTEGER, ValueType.LONG, ValueType.SHORT, ValueType.DOUBLE, ValueType.NULL);

  enum Kind { TEXT, CHOICE, CHOICES, CHECKBOX, DATE, NUMBER }

  /** One keyed component of the form; {@code options} maps each allowed value to its label. */
  record Field(String key, String label, Kind kind, boolean readOnly, boolean required, int maxLength,
      Pattern pattern, Map<String, String> options) {

    /** Radio buttons 是/否: Tasklist sends the answer as text. */
    boolean yesNo() {
      return kind == Kind.CHOICE && options.keySet().equals(Set.of("true", "false"));
    }
  }

  private final Map<String, Field> fields;

  private FormContract(Map<String, Field> fields) {
    this.fields = fields;
  }

  static FormContract parse(InputStream schema) {
    try {
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(JSON.readTree(schema).path("components"), fields);
      return new FormContract(fields);
    } catch (IOException e) {
      throw new UncheckedIOException("a deployed Camunda Form is not valid JSON", e);
    }
  }

  Map<String, Field> fields() {
    return fields;
  }

  /**
   * Checks a submission against the form and returns what is to be written: the submission without
   * the read-only values sent back unchanged. {@code current} gives a field's value before the submission
   * (none at a start). A required field must hold a value afterwards, sent now or kept from before.
   */
  Map<String, Object> admit(Map<String, ?> submitted, Function<String, Object> current) {
    Map<String, Object> admitted = new LinkedHashMap<>();
    submitted.keySet().forEach(name -> {
      // a variable map hands out values deserialized: ask it for the typed value a client sent
      Object raw = submitted instanceof VariableMap variables ? variables.getValueTyped(name) : submitted.get(name);
      Field field = fields.get(name);
      if (field == null) {
        throw new InvalidFieldException(name, "字段 " + name + " ", "不是本表单的填写项，不能提交");
      }
      Object value = plain(field, raw);
      if (field.readOnly()) {
        if (!same(value, current.apply(name))) {
          throw new InvalidFieldException(name, field.label(), "为只读项，不能修改");
        }
        return;
      }
      check(field, value);
      admitted.put(name, written(field, value, raw));
    });
    for (Field field : fields.values()) {
      if (field.required() && !field.readOnly()
          && blank(admitted.containsKey(field.key()) ? plain(field, admitted.get(field.key())) : current.apply(field.key()))) {
        throw new InvalidFieldException(field.key(), field.label(), "不能为空");
      }
    }
    return admitted;
  }

  /**
   * What is written of an admitted value: several choices as codes separated by commas; a 是/否 answer as the
   * boolean the rules and gateways read (written once, not as text first and again as a boolean); else as sent.
   */
  private static Object written(Field field, Object value, Object raw) {
    if (field.kind() == Kind.CHOICES && value instanceof String list) {
      return choices(list);
    }
    if (field.yesNo() && ("true".equals(value) || "false".equals(value))) {
      return Boolean.valueOf((String) value);
    }
    return raw;
  }

  /** The value without its typed wrapper; anything but text, numbers and yes/no is refused. */
  private static Object plain(Field field, Object raw) {
    Object value = raw;
    if (raw instanceof TypedValue typed) {
      if (typed.getType() != null && !PLAIN_TYPES.contains(typed.getType())) {
        throw new InvalidFieldException(field.key(), field.label(),
            "的取值类型 " + typed.getType().getName() + " 不被接受：只接受文本、数字和是否，不接受对象、字节或文件");
      }
      value = typed.getValue();
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    throw new InvalidFieldException(field.key(), field.label(), "的取值类型不被接受：只接受文本、数字和是否，不接受对象、字节或文件");
  }

  private static void check(Field field, Object value) {
    if (blank(value)) {
      return;
    }
    switch (field.kind()) {
      case TEXT -> {
        String text = text(field, value, "须为文本");
        if (text.length() > field.maxLength()) {
          throw new InvalidFieldException(field.key(), field.label(), "不能超过 " + field.maxLength() + " 个字");
        }
        if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
          throw new InvalidFieldException(field.key(), field.label(), "的格式不正确");
        }
      }
      case CHOICE -> option(field, String.valueOf(value));
      case CHOICES -> Arrays.stream(choices(text(field, value, "须为以逗号分隔的选项")).split(","))
          .filter(choice -> !choice.isEmpty()).forEach(choice -> option(field, choice));
      case CHECKBOX -> {
        if (!(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
          throw new InvalidFieldException(field.key(), field.label(), "须为是或否（true/false）");
        }
      }
      case DATE -> {
        String text = text(field, value, "须为 yyyy-MM-dd 格式的日期");
        try {
          LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw new InvalidFieldException(field.key(), field.label(), "须为 yyyy-MM-dd 格式的日期，收到 " + shorten(text));
        }
      }
      case NUMBER -> {
        if (!(value instanceof Number)) {
          throw new InvalidFieldException(field.key(), field.label(), "须为数字");
        }
      }
    }
  }

  /** Several choices as stored: codes separated by commas, from such text or from a form's JSON list. */
  private static String choices(String value) {
    String list = value.strip();
    if (list.startsWith("[")) {
      try {
        List<String> codes = new ArrayList<>();
        JSON.readTree(list).forEach(code -> codes.add(code.asText()));
        list = String.join(",", codes);
      } catch (IOException notAList) {
        return value; // then the option check names what is wrong
      }
    }
    return Arrays.stream(list.split(",")).map(String::strip).filter(code -> !code.isEmpty())
        .collect(Collectors.joining(","));
  }

  private static String text(Field field, Object value, String problem) {
    if (value instanceof String text) {
      return text;
    }
    throw new InvalidFieldException(field.key(), field.label(), problem);
  }

  private static void option(Field field, String value) {
    if (!field.options().containsKey(value)) {
      throw new InvalidFieldException(field.key(), field.label(), "的取值 " + shorten(value) + " 无效，应为"
          + field.options().entrySet().stream().map(option -> option.getValue() + "（" + option.getKey() + "）")
              .collect(Collectors.joining("、")));
    }
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static boolean blank(Object value) {
    return value == null || value instanceof String text && text.isBlank();
  }

  /** Tasklist sends read-only values back as it received them: text for dates, "true" for yes. */
  private static boolean same(Object sent, Object stored) {
    if (blank(sent) || blank(stored)) {
      return blank(sent) && blank(stored);
    }
    return Objects.equals(String.valueOf(sent), String.valueOf(stored));
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null && !key.isBlank()) {
        fields.put(key, field(key, component));
      }
      collect(component.path("components"), fields);
    }
  }

  private static Field field(String key, JsonNode component) {
    String type = component.path("type").asText();
    String label = firstText(component, key, "label", "dateLabel");
    JsonNode validate = component.path("validate");
    // a disabled or readonly flag given as a FEEL expression depends on the data: the field counts as editable
    boolean readOnly = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
    boolean required = validate.path("required").asBoolean(false) && component.path("conditional").isMissingNode();
    int maxLength = validate.path("maxLength").isInt() ? Math.min(validate.path("maxLength").asInt(), MAX_TEXT) : MAX_TEXT;
    Pattern pattern = validate.hasNonNull("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null;
    Map<String, String> options = new LinkedHashMap<>();
    component.path("values").forEach(option -> options.put(option.path("value").asText(), option.path("label").asText()));
    Kind kind = switch (type) {
      case "select", "radio" -> options.isEmpty() ? Kind.TEXT : Kind.CHOICE;
      case "checklist", "taglist" -> options.isEmpty() ? Kind.TEXT : Kind.CHOICES;
      case "checkbox" -> Kind.CHECKBOX;
      case "datetime" -> "date".equals(component.path("subtype").asText()) ? Kind.DATE : Kind.TEXT;
      case "number" -> Kind.NUMBER;
      case "textfield", "textarea" -> Kind.TEXT;
      // a kind of field this contract does not know (a later form-js) can be shown, not written
      default -> null;
    };
    return new Field(key, label, kind == null ? Kind.TEXT : kind, readOnly || kind == null, required, maxLength,
        pattern, options);
  }

  private static String firstText(JsonNode component, String fallback, String... names) {
    return List.of(names).stream().map(name -> component.path(name).asText(""))
        .filter(text -> !text.isBlank()).findFirst().orElse(fallback);
  }
}
