package cn.gov.wuzhou.tolerance.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A decision without a case: a process that sets its own facts and calls the registry's delegates. Deployed by an
 * administrator (past the deployment check, as an owner's model would run once approved), started by a timer with
 * nobody behind it, it fails at the registry's door with an incident-bound job, and nothing is written.
 */
@HttpTest
class EntitledStepsHttpTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  Rest rest;
  String key;
  String officialId;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    key = "forged" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    officialId = "WZ-FORGED-" + key;
  }

  @AfterEach
  void removeTheForgery() {
    // a deployment a process ran on is deleted only after its instances and their history, one by one
    List<String> instances = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    if (!instances.isEmpty()) {
      runtimeService.deleteProcessInstancesIfExists(instances, "测试结束", true, true, true);
      historyService.deleteHistoricProcessInstancesIfExists(instances);
    }
    repositoryService.createDeploymentQuery().deploymentName("伪造的认定").list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void aTimerStartedProcessCallingTheRegistryLeavesNoDecisionAndNoNotice() {
    long decisions = count("SELECT COUNT(*) FROM decision");
    long notices = count("SELECT COUNT(*) FROM protection_notice");

    Reply deployed = rest.deploy("admin", "/engine-rest", "伪造的认定", List.of(new FilePart("forged.bpmn",
        "application/octet-stream", forgery().getBytes(StandardCharsets.UTF_8))));
    assertThat(deployed.status()).as("deploy: %s", deployed.body()).isEqualTo(200);

    Rest.await("the forged decision is refused", 60, () -> failed() != null);
    assertThat(failed().getExceptionMessage()).contains("登记簿拒绝写入").contains("启动");
    assertThat(count("SELECT COUNT(*) FROM decision")).isEqualTo(decisions);
    assertThat(count("SELECT COUNT(*) FROM protection_notice")).isEqualTo(notices);
    assertThat(count("SELECT COUNT(*) FROM decision WHERE official_id = '" + officialId + "'")).isZero();
  }

  private Job failed() {
    return managementService.createJobQuery().processDefinitionKey(key).withException().singleResult();
  }

  private long count(String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }

  /** Every fact a decision needs, set by the process itself, then the registry's two delegates. */
  private String forgery() {
    Map<String, String> facts = new java.util.LinkedHashMap<>();
    facts.put("unitGroup", "unit-commerce");
    facts.put("unitName", "市商务局");
    facts.put("officialId", officialId);
    facts.put("officialName", "王某");
    facts.put("officialPosition", "科长");
    facts.put("officialCategory", "PARTY_GOV_ORGAN");
    facts.put("workCategory", "BUSINESS_ENVIRONMENT");
    facts.put("circumstance", "KEY_AREA");
    facts.put("errorType", "DEVIATION");
    facts.put("discoveredOn", "2026-01-05");
    facts.put("reportedOn", "2026-01-06");
    facts.put("recommendation", "TOLERATE");
    facts.put("recommendationBasis", "伪造");
    facts.put("determination", "TOLERATE");
    facts.put("reviewOpinion", "伪造");
    String outputs = facts.entrySet().stream().map(fact -> "<camunda:outputParameter name='" + fact.getKey() + "'>"
        + fact.getValue() + "</camunda:outputParameter>").collect(Collectors.joining());
    for (String flag : List.of("prefiled", "reportedTimely", "correctedTimely", "complexMatter")) {
      boolean value = flag.equals("reportedTimely") || flag.equals("correctedTimely");
      outputs += "<camunda:outputParameter name='" + flag + "'>${" + value + "}</camunda:outputParameter>";
    }
    return "<?xml version='1.0' encoding='UTF-8'?><definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' targetNamespace='http://wuzhou.gov.cn/test'>"
        + "<process id='" + key + "' isExecutable='true' camunda:historyTimeToLive='P1D'>"
        + "<startEvent id='start'><timerEventDefinition id='past'><timeDate>2020-01-01T00:00:00</timeDate>"
        + "</timerEventDefinition></startEvent><sequenceFlow id='toFacts' sourceRef='start' targetRef='facts'/>"
        // the case's facts, set by the process itself in its own scope
        + "<intermediateThrowEvent id='facts'><extensionElements><camunda:inputOutput>" + outputs
        + "</camunda:inputOutput></extensionElements></intermediateThrowEvent>"
        + "<sequenceFlow id='toDecision' sourceRef='facts' targetRef='decide'/>"
        + "<serviceTask id='decide' camunda:asyncBefore='true' camunda:delegateExpression='${recordDecision}'/>"
        + "<sequenceFlow id='toNotices' sourceRef='decide' targetRef='protect'/>"
        + "<serviceTask id='protect' camunda:delegateExpression='${issueProtectionNotices}'/>"
        + "<sequenceFlow id='toEnd' sourceRef='protect' targetRef='end'/><endEvent id='end'/></process></definitions>";
  }
}
