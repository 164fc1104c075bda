package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hostile process owner's spellings of code in a model, deployed through {@code /engine-rest} as Modeler does.
 * Each is refused at deployment (the model API reads what the engine reads); the same file deployed by an
 * administrator, past the static check, reaches the engine's evaluator and still runs nothing: no file
 * written, no membership, no process of its own left running.
 */
@HttpTest
class ExpressionSandboxHttpTest {

  // what the attacker wanted: to become an administrator, and to run a command on the server
  private static final String BECOME_ADMIN =
      "execution.processEngine.identityService.createMembership('guize', 'camunda-admin')";
  private static final String PARENTHESISED_BECOME_ADMIN =
      "(execution).processEngineServices.identityService.createMembership('guize', 'camunda-admin')";

  enum Bypass {
    COMMENT_IN_EXPRESSION, CDATA_SPLIT, CHILD_OF_INPUT_PARAMETER, CHILD_OF_LIST, PARENTHESES, PAST_TIMER_RUNS_COMMAND
  }

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  Rest rest;
  Path marker;
  String key;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    marker = Path.of(System.getProperty("java.io.tmpdir"), "sandbox-" + UUID.randomUUID());
    key = "hostile" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  @AfterEach
  void removeWhatAnAdministratorDeployed() {
    // a deployment a process ran on is deleted only after its instances and their history, one by one
    List<String> instances = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    if (!instances.isEmpty()) {
      runtimeService.deleteProcessInstancesIfExists(instances, "测试结束", true, true, true);
      historyService.deleteHistoricProcessInstancesIfExists(instances);
    }
    repositoryService.createDeploymentQuery().deploymentName("恶意模型").list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  @ParameterizedTest
  @EnumSource(Bypass.class)
  void aProcessOwnersDeploymentIsRefusedAndChangesNothing(Bypass bypass) {
    long deployments = repositoryService.createDeploymentQuery().count();

    Reply refused = rest.deploy("guize", "/engine-rest", "恶意模型", List.of(bpmn(model(bypass))));

    assertThat(refused.status()).as("deploy: %s", refused.body()).isEqualTo(400);
    assertThat(refused.text("message")).contains("部署被拒绝");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    assertNothingRan();
  }

  @ParameterizedTest
  @EnumSource(Bypass.class)
  void pastTheStaticCheckTheEvaluatorRunsNothing(Bypass bypass) {
    // an administrator's deployment is not checked: what holds it is the expression sandbox alone
    Reply deployed = rest.deploy("admin", "/engine-rest", "恶意模型", List.of(bpmn(model(bypass))));

    if (deployed.status() == 200) {
      // the timer start is due: the job executor runs the process, whose expression fails every retry
      Rest.await("the hostile process fails", 60, () -> managementService.createJobQuery()
          .processDefinitionKey(key).withException().count() > 0);
      assertThat(managementService.createJobQuery().processDefinitionKey(key).withException().singleResult()
          .getExceptionMessage()).contains("表达式不能");
    } else {
      assertThat(deployed.status()).as("deploy: %s", deployed.body()).isEqualTo(400);
      assertThat(deployed.text("message")).contains("表达式不能");
    }
    assertNothingRan();
  }

  @Test
  void aFormHandlerClassIsNeverInstantiated() {
    long deployments = repositoryService.createDeploymentQuery().count();
    String process = definitions("<process id='" + key + "' isExecutable='true' camunda:historyTimeToLive='P1D'>"
        + "<startEvent id='start' camunda:formHandlerClass='" + InstantiationProbe.class.getName() + "'/></process>");
    int before = InstantiationProbe.INSTANCES.get();

    Reply refused = rest.deploy("guize", "/engine-rest", "恶意模型", List.of(bpmn(process)));

    assertThat(refused.status()).as("deploy: %s", refused.body()).isEqualTo(400);
    assertThat(refused.text("message")).contains("formHandlerClass");
    assertThat(InstantiationProbe.INSTANCES.get()).isEqualTo(before);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aMalformedModelIsCalledMalformedNotCode() {
    Reply refused = rest.deploy("guize", "/engine-rest", "恶意模型", List.of(bpmn("<definitions><process")));

    assertThat(refused.status()).as("deploy: %s", refused.body()).isEqualTo(400);
    assertThat(refused.text("message")).contains("不是有效的 XML").doesNotContain("代码");
  }

  private void assertNothingRan() {
    assertThat(identityService.createUserQuery().userId("guize").memberOfGroup("camunda-admin").count()).isZero();
    assertThat(marker).doesNotExist();
  }

  private String model(Bypass bypass) {
    String task = switch (bypass) {
      case COMMENT_IN_EXPRESSION -> input("$<!-- -->{" + BECOME_ADMIN + "}");
      case CDATA_SPLIT -> input("$<![CDATA[{" + BECOME_ADMIN.substring(0, 9) + "]]>" + BECOME_ADMIN.substring(9) + "}");
      case CHILD_OF_INPUT_PARAMETER -> input("<documentation>${" + BECOME_ADMIN + "}</documentation>");
      case CHILD_OF_LIST -> input("<camunda:list><camunda:value>x</camunda:value><documentation>${" + BECOME_ADMIN
          + "}</documentation></camunda:list>");
      case PARENTHESES -> "<serviceTask id='work' camunda:expression=\"${" + PARENTHESISED_BECOME_ADMIN + "}\"/>";
      case PAST_TIMER_RUNS_COMMAND -> "<serviceTask id='work' camunda:expression='${true}'/>";
    };
    String timeDate = bypass == Bypass.PAST_TIMER_RUNS_COMMAND
        ? "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + marker + "')}"
        : "2020-01-01T00:00:00";
    return definitions("<process id='" + key + "' isExecutable='true' camunda:historyTimeToLive='P1D'>"
        + "<startEvent id='start'><timerEventDefinition id='past'><timeDate>" + timeDate + "</timeDate>"
        + "</timerEventDefinition></startEvent><sequenceFlow id='toWork' sourceRef='start' targetRef='work'/>"
        + task + "<sequenceFlow id='toEnd' sourceRef='work' targetRef='end'/><endEvent id='end'/></process>");
  }

  private static String input(String value) {
    return "<serviceTask id='work' camunda:expression='${x}'><extensionElements><camunda:inputOutput>"
        + "<camunda:inputParameter name='x'>" + value + "</camunda:inputParameter></camunda:inputOutput>"
        + "</extensionElements></serviceTask>";
  }

  private static String definitions(String process) {
    return "<?xml version='1.0' encoding='UTF-8'?><definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' targetNamespace='http://wuzhou.gov.cn/test'>"
        + process + "</definitions>";
  }

  private static FilePart bpmn(String xml) {
    return new FilePart("hostile.bpmn", "application/octet-stream", xml.getBytes(StandardCharsets.UTF_8));
  }
}
