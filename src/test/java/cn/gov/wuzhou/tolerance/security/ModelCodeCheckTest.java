package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a process owner's models may say in an expression, with the beans of a small application. */
class ModelCodeCheckTest {

  private static final Set<String> DELEGATES = Set.of("recordDecision");
  private static final Set<String> MODEL_FUNCTIONS = Set.of("required.text", "protectionNotices.groups");
  private static final Set<String> OTHER_BEANS = Set.of("identityService", "runtimeService", "dataSource");

  private final ModelCodeCheck check = new ModelCodeCheck(new ModelCodeCheck.Beans() {
    @Override
    public boolean exists(String name) {
      return DELEGATES.contains(name) || OTHER_BEANS.contains(name) || name.equals("required")
          || name.equals("protectionNotices");
    }

    @Override
    public boolean isDelegate(String name) {
      return DELEGATES.contains(name);
    }

    @Override
    public boolean isModelFunction(String name, String method) {
      return MODEL_FUNCTIONS.contains(name + "." + method);
    }
  });

  @ParameterizedTest
  @ValueSource(strings = {"approved", "!eligible", "determination == 'TOLERATE'", "prefilingDecision eq \"RETURNED\"",
      "decisionResult[0].recommendation", "recordDecision", "required.text(task, 'correctionPlan', '整改方案')",
      "protectionNotices.groups(execution)", "execution.processInstanceId", "empty note or score > 3",
      "'${not an expression}'"})
  void readsComparisonsDelegatesAndModelFunctionsPass(String expression) {
    assertThat(check.expressionProblem(expression)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"identityService.createUserQuery().list()", "dataSource", "runtimeService",
      "execution.getProcessEngine()", "execution.processEngine.identityService", "task.execution",
      "execution['processEngineServices']", "recordDecision.execute(execution)", "required.toString()",
      "S('{}')", "dateTime().toDate()", "note.getClass()", "note.class.classLoader", "note['class']",
      "(note).replace('a', 'b')", "(execution).processEngine", "decisionResult[0].getEntry('x')"})
  void callsEngineObjectsAndOtherBeansAreRefused(String expression) {
    assertThat(check.expressionProblem(expression)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"components\":[{\"type\":\"text\",\"id\":\"note\",\"text\":\"{{officialName}}\"}]}",
      "{\"components\":[{\"type\":\"text\",\"id\":\"note\",\"text\":\"=officialName\"}]}", "not json"})
  void formsThatShowVariablesAreRefused(String form) {
    assertThat(check.check("notice.form", form.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"camunda:class='java.lang.Runtime'", "activiti:class='java.lang.Runtime'",
      "activiti:expression='${runtimeService}'"})
  void theOldActivitiNamespaceIsCheckedToo(String attribute) {
    String bpmn = "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' xmlns:activiti='http://activiti.org/bpmn'"
        + " targetNamespace='http://wuzhou.gov.cn/test'>"
        + "<process id='p'><serviceTask id='call' " + attribute + "/></process></definitions>";

    assertThat(check.check("p.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))).singleElement()
        .satisfies(finding -> assertThat(finding.getMainElementId()).isEqualTo("call"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rules.html", "Delegate.class", "script.js"})
  void onlyModelsAndFormsMayBeDeployed(String resource) {
    assertThat(check.check(resource, new byte[0])).singleElement()
        .satisfies(finding -> assertThat(finding.getMessage()).contains(resource));
  }
}
