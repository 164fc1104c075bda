package cn.gov.wuzhou.tolerance.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webapps' Chinese texts: where a value is absent, clerks read 无, never "null". */
class WebappTextsTest {

  private static final Pattern NULL = Pattern.compile("\\bnull\\b", Pattern.CASE_INSENSITIVE);

  @ParameterizedTest
  @ValueSource(strings = {"admin", "cockpit", "tasklist", "welcome"})
  void noTextSaysNull(String app) throws IOException {
    JsonNode texts;
    try (InputStream in = getClass().getResourceAsStream(
        "/META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json")) {
      texts = new ObjectMapper().readTree(in);
    }
    List<String> saysNull = new ArrayList<>();
    collect(texts, "", saysNull);

    assertThat(saysNull).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PROCESS_DEFINITION_NULL", "PROCESS_INSTANCE_NULL", "DECISION_DEFINITION_NULL"})
  void cockpitShowsAbsentVersionTagsAndBusinessKeysAsNone(String key) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/camunda/app/cockpit/locales/zh.json")) {
      assertThat(new ObjectMapper().readTree(in).path("labels").path(key).asText()).isEqualTo("无");
    }
  }

  private static void collect(JsonNode node, String path, List<String> saysNull) {
    if (node.isTextual() && NULL.matcher(node.asText()).find()) {
      saysNull.add(path + " = " + node.asText());
    }
    for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
      collect(field.getValue(), path + "." + field.getKey(), saysNull);
    }
  }
}
