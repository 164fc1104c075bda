package cn.gov.wuzhou.tolerance.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Findings;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Rules;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.RegistrySeed;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A decision without a case: a process that sets its own facts and calls the registry's delegates. Deployed by an
 * administrator (past the deployment check, as an owner's model would run once approved), started by a timer with
 * nobody behind it, it fails at the registry's door with an incident-bound job, and nothing is written. The door is
 * the registry's write itself: a bean calling it straight, past every delegate, is refused the same way.
 */
@HttpTest
class EntitledStepsHttpTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DecisionRegistry decisions;
  @Autowired ProtectionRegistry protections;
  @Autowired Today today;
  @Autowired ApplicationContext context;
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

  @Test
  void aTimerStartedProcessWithoutADeterminationIsRefusedNamingItAndWritesNothing() {
    long decisions = count("SELECT COUNT(*) FROM decision");
    long chained = count("SELECT COUNT(*) FROM integrity_entry");

    Reply deployed = rest.deploy("admin", "/engine-rest", "伪造的认定", List.of(new FilePart("forged.bpmn",
        "application/octet-stream", forgery(null).getBytes(StandardCharsets.UTF_8))));
    assertThat(deployed.status()).as("deploy: %s", deployed.body()).isEqualTo(200);
    long deploymentEntries = count("SELECT COUNT(*) FROM integrity_entry") - chained;

    Rest.await("the decision without a determination is refused", 60, () -> failed() != null);
    assertThat(failed().getExceptionMessage()).contains("认定决定未登记").contains("认定结论");
    assertThat(count("SELECT COUNT(*) FROM decision")).isEqualTo(decisions);
    assertThat(count("SELECT COUNT(*) FROM integrity_entry")).isEqualTo(chained + deploymentEntries);
  }

  @Test
  void aBeanWritingADecisionStraightIntoTheRegistryForACaseWithoutTheEntitledStepsWritesNothing() {
    String started = startedCase();
    String awaitingApproval = startedCase();
    Desk desk = new Desk(rest);
    desk.acknowledgeAndCorrect(awaitingApproval, today.date());
    desk.work("wenze", "accountability-office", awaitingApproval, "reviewCase", CaseDriver.cleanFindings());
    desk.work("wenze", "accountability-office", awaitingApproval, "proposeDetermination", Map.of());
    desk.awaitTask("party-secretary", "superior-party-committee", awaitingApproval, "approveDetermination");

    Map<String, String> refusals = Map.of(
        "no-such-case-" + key, "没有这个事项的办理记录",
        started, "没有问责承办机关人员完成的审查认定",
        awaitingApproval, "没有有权审批的党组织");
    refusals.forEach((caseId, why) -> {
      List<Object> before = registryState();
      assertThatThrownBy(() -> decisions.record(decisionOf(caseId))).as("a decision for %s", caseId)
          .isInstanceOf(EntitledSteps.NotEntitled.class).hasMessageContaining("登记簿拒绝写入").hasMessageContaining(why);
      assertThat(registryState()).as("rows, numbers and chain after the refused decision for %s", caseId)
          .isEqualTo(before);
      assertThat(decisions.findByProcessInstance(caseId)).isEmpty();
    });
  }

  @Test
  void aBeanIssuingNoticesStraightIntoTheRegistryForACaseWithoutTheEntitledStepsWritesNothing() {
    String started = startedCase();
    // a decision to tolerate of the test's own making: the notices are refused for the case, not for want of it
    new RegistrySeed(context).decision(decisionOf(started));
    List<Object> before = registryState();

    assertThatThrownBy(() -> protections.issue(started, today.date(), Arrays.asList(ProtectedMatter.values())))
        .isInstanceOf(EntitledSteps.NotEntitled.class).hasMessageContaining("登记簿拒绝写入")
        .hasMessageContaining("审查认定");
    assertThat(registryState()).as("rows, numbers and chain after the refused notices").isEqualTo(before);
  }

  /** A case the commerce clerk reported and nobody has worked yet. */
  private String startedCase() {
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseDriver.validReport(today.date())));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    return started.text("id");
  }

  /** Everything a registry write changes: its rows, its numbers and the hash chain. */
  private List<Object> registryState() {
    return List.of(count("SELECT COUNT(*) FROM decision"), count("SELECT COUNT(*) FROM protection_notice"),
        count("SELECT COUNT(*) FROM protection_acknowledgement"),
        jdbc.queryForList("SELECT kind, seq_year, last_value FROM number_sequence ORDER BY kind, seq_year"),
        jdbc.queryForList("SELECT COUNT(*), MAX(seq) FROM integrity_entry"));
  }

  /** A tolerated decision of the case, as a bean would hand it to the registry. */
  private DecisionRecord decisionOf(String caseId) {
    LocalDate day = today.date();
    return new DecisionRecord(null, caseId, "unit-commerce", "市商务局", officialId, "王某", "科长", "PARTY_GOV_ORGAN",
        "BUSINESS_ENVIRONMENT", "KEY_AREA", "DEVIATION", day.minusDays(2), day, null, false, true, true, false,
        "TOLERATE", "伪造", "TOLERATE", "伪造", day, new Findings(true, true, false, false, false, null), day, day, null,
        new Rules(null, null));
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
    return forgery("TOLERATE");
  }

  /** The same, with this determination, or none when null. */
  private String forgery(String determination) {
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
    if (determination != null) {
      facts.put("determination", determination);
    }
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
