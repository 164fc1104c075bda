package cn.gov.wuzhou.tolerance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client's mistakes are answered with a 4xx and a JSON body in Chinese that names no internal class,
 * and change nothing; before, each was a 500 or a misleading status.
 */
@HttpTest
class ClientMistakesHttpTest {

  static final String LONG_TEXT = "字".repeat(4001);
  static final Map<String, Object> JSON_OBJECT = Map.of("value", "{\"a\":1}", "type", "Object", "valueInfo",
      Map.of("objectTypeName", "java.util.HashMap", "serializationDataFormat", "application/json"));
  static final Map<String, Object> JAVA_OBJECT = Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object", "valueInfo",
      Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object"));

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  Rest rest;
  String prefiling;
  String review;

  @BeforeEach
  void prefilingUnderReview() {
    rest = new Rest(port);
    prefiling = rest.post("commerce-clerk", "/engine-rest/process-definition/key/prefiling/start", Rest.withVariables(
        Map.of("planTitle", "试点", "planSummary", "摘要", "workCategory", "KEY_REFORM", "innovationNature", "EXPLORATORY",
            "riskAssessment", "评估", "plannedStart", "2030-12-01", "filingAuthority", "discipline-inspection")))
        .text("id");
    review = taskService.createTaskQuery().processInstanceId(prefiling).singleResult().getId();
  }

  @Test
  void aTextLongerThanTheDatabaseHoldsIsRefusedNamingTheVariable() {
    Reply put = rest.send("admin", "PUT", "/engine-rest/process-instance/" + prefiling + "/variables/note",
        Map.of("value", LONG_TEXT));

    assertThat(runtimeService.getVariable(prefiling, "note")).isNull();
    assertThat(put.status()).isEqualTo(400);
    assertThat(put.text("field")).isEqualTo("note");
    assertClearChinese(put);
    assertThat(put.text("message")).contains("4000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "java"})
  void anObjectIsRefusedAndNotStored(String format) {
    Map<String, Object> value = format.equals("json") ? JSON_OBJECT : JAVA_OBJECT;

    Reply put = rest.send("admin", "PUT", "/engine-rest/process-instance/" + prefiling + "/variables/note", value);
    Reply started = rest.post("admin", "/engine-rest/process-definition/key/prefiling/start",
        Map.of("variables", Map.of("planTitle", value)));

    assertThat(runtimeService.getVariable(prefiling, "note")).isNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("note").count()).isZero();
    for (Reply reply : new Reply[] {put, started}) {
      assertThat(reply.status()).isEqualTo(400);
      assertClearChinese(reply);
      assertThat(reply.text("message")).contains("对象");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/process-instance/%s/variables", "/engine-rest/task/%s/variables"})
  void variablesOfAnUnknownInstanceOrTaskAreNotFound(String path) {
    Reply reply = rest.get("commerce-clerk", path.formatted(UUID.randomUUID()));

    assertThat(reply.status()).isEqualTo(404);
    assertClearChinese(reply);
  }

  @Test
  void aConditionNoProcessStartsOnIsNotFoundAndForClerksNotAllowed() {
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    Map<String, Object> condition = Map.of("variables", Map.of("unitGroup", Map.of("value", "unit-commerce")));

    Reply clerk = rest.post("commerce-clerk", "/engine-rest/condition", condition);
    Reply admin = rest.post("admin", "/engine-rest/condition", condition);

    assertThat(clerk.status()).isEqualTo(403);
    assertClearChinese(clerk);
    assertThat(admin.status()).isEqualTo(404);
    assertClearChinese(admin);
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void bodiesThatAreNotJsonOrNotOfTheRightShapeAreRefusedSayingWhere() {
    long instances = historyService.createHistoricProcessInstanceQuery().count();

    Reply broken = rest.sendRaw("commerce-clerk", "POST",
        "/engine-rest/process-definition/key/prefiling/start", "{\"variables\":");
    Reply misshapen = rest.post("commerce-clerk", "/engine-rest/process-definition/key/prefiling/start",
        Map.of("variables", Map.of("planTitle", Map.of("value", "试点", "valueInfo", "文本"))));

    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(broken.status()).isEqualTo(400);
    assertClearChinese(broken);
    assertThat(misshapen.status()).isEqualTo(400);
    assertClearChinese(misshapen);
    assertThat(misshapen.text("field")).isEqualTo("variables.planTitle.valueInfo");
  }

  private static void assertClearChinese(Reply reply) {
    assertThat(reply.body().isObject()).as("a JSON object: %s", reply.body()).isTrue();
    assertThat(reply.text("message")).containsPattern("\\p{IsHan}").doesNotContain("org.", "java.", "Exception");
  }
}
