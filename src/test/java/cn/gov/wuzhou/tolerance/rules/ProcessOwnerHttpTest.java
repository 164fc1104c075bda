package cn.gov.wuzhou.tolerance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Findings;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Rules;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.RegistrySeed;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A process owner ({@code guize}) changes the determination rules from Camunda Modeler: deploys over
 * {@code /engine-rest} with HTTP Basic as the deploy dialog does, previews the effect first, and cannot
 * deploy code. Its own application context (the rules it deploys apply to every later case).
 */
@HttpTest
@TestPropertySource(properties = "camunda.bpm.process-engine-name=" + ProcessOwnerHttpTest.ENGINE_NAME)
class ProcessOwnerHttpTest {

  // an engine of its own name, not to answer for the other tests' engine: its REST API is addressed by that name.
  // The context is not closed after the class either: closing a webapp context clears the webapps' static engine
  // lookup for every other context in the JVM.
  static final String ENGINE_NAME = "processOwner";
  static final String ENGINE = "/engine-rest/engine/" + ENGINE_NAME;

  private static final Path RULES = Path.of("processes/tolerance-determination.dmn");
  // rule4 (key work, procedure followed, reported and corrected in time) recommends MITIGATE instead of TOLERATE
  private static final String RULE4_TOLERATE = "<outputEntry id=\"rule4_recommendation\"><text>\"TOLERATE\"</text>";
  // rule5 (neither key work nor pre-filed, otherwise the same) recommends TOLERATE instead of MITIGATE
  private static final String RULE5_MITIGATE = "<outputEntry id=\"rule5_recommendation\"><text>\"MITIGATE\"</text>";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionRegistry decisions;
  @Autowired Today today;
  @Autowired ApplicationContext context;
  Rest rest;
  Desk desk;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest, 20, ENGINE);
  }

  @Test
  void aRunningCaseAndTheNextOneFollowTheRulesDeployedFromModeler() throws IOException {
    String running = reportCorrectedCase();
    int before = latestRulesVersion();

    Reply held = rest.deploy("guize", ENGINE, "容错认定规则（重点工作减轻处理）",
        List.of(file("tolerance-determination.dmn", rules().replace(RULE4_TOLERATE,
            "<outputEntry id=\"rule4_recommendation\"><text>\"MITIGATE\"</text>"))));
    assertThat(held.status()).as("deploy: %s", held.body()).isEqualTo(202);
    assertThat(held.text("message")).contains("待管理员审批");
    String pendingNo = held.text("pendingNo");
    assertThat(latestRulesVersion()).isEqualTo(before);
    JsonNode review = rest.get("admin", "/api/deployments/pending/" + pendingNo).body();
    assertThat(review.path("approvable").asBoolean()).as("review: %s", review).isTrue();
    assertThat(review.path("ruleChanges").findValuesAsText("ruleId")).containsExactly("rule4");
    assertThat(rest.post("guize", "/api/deployments/pending/" + pendingNo + "/approve", null).status()).isEqualTo(403);
    assertThat(latestRulesVersion()).isEqualTo(before);

    Reply approved = rest.post("admin", "/api/deployments/pending/" + pendingNo + "/approve", null);
    assertThat(approved.status()).as("approve: %s", approved.body()).isEqualTo(200);
    assertThat(latestRulesVersion()).isEqualTo(before + 1);

    String next = reportCorrectedCase();
    for (String id : List.of(running, next)) {
      desk.work("wenze", "accountability-office", id, "reviewCase", CaseDriver.cleanFindings());
      desk.work("wenze", "accountability-office", id, "proposeDetermination", Map.of());
      desk.work("party-secretary", "superior-party-committee", id, "approveDetermination", Map.of("approved", "true"));
      Rest.await("the decision of " + id + " is recorded", () -> decisions.findByProcessInstance(id).isPresent());
      DecisionRecord decision = decisions.findByProcessInstance(id).orElseThrow();
      assertThat(decision.recommendation()).isEqualTo("MITIGATE");
      assertThat(decision.rules().version()).isEqualTo(before + 1);
      assertThat(decision.rules().definitionId()).isEqualTo(latestRulesId());
      assertThat(decision.basis()).contains("容错认定规则第 " + (before + 1) + " 版，部署审批 " + pendingNo + " 由 admin")
          .contains("规则预览：评估已认定案件");
    }
  }

  @Test
  void replayListsExactlyTheDecisionsTheChangeFlips() throws IOException {
    String other = decision("OTHER", false, true, true, true, "MITIGATE").decisionNo();
    decision("OTHER", false, true, true, false, "MITIGATE"); // corrected late: rule7
    decision("OTHER", false, false, true, true, "MITIGATE"); // outside the decision procedure: rule6
    int definitions = (int) repositoryService.createDecisionDefinitionQuery().count();

    Reply replay = replay("guize", "tolerance-determination.dmn", latestRules().replace(RULE5_MITIGATE,
        "<outputEntry id=\"rule5_recommendation\"><text>\"TOLERATE\"</text>"));

    assertThat(replay.status()).as("replay: %s", replay.body()).isEqualTo(200);
    JsonNode body = replay.body();
    assertThat(body.path("changed").findValuesAsText("decisionNo")).containsExactly(other);
    assertThat(body.path("changed").get(0).path("from").path("label").asText()).isEqualTo("减轻处理");
    assertThat(body.path("changed").get(0).path("to").path("label").asText()).isEqualTo("容错免责");
    assertThat(body.path("evaluated").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(body.path("everyCaseMatched").asBoolean()).isTrue();
    assertThat(body.path("failed")).isEmpty();
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(definitions);
  }

  @Test
  void replayReportsTheDecisionsATableWithoutCatchAllLeavesUnmatched() throws IOException {
    String neitherTimely = decision("KEY_WORK", false, true, false, false, "NOT_TOLERATE").decisionNo();
    String rules = latestRules();
    String withoutCatchAll = rules.substring(0, rules.indexOf("<rule id=\"rule8\">"))
        + rules.substring(rules.indexOf("</rule>", rules.indexOf("<rule id=\"rule8\">")) + "</rule>".length());

    JsonNode body = replay("guize", "tolerance-determination.dmn", withoutCatchAll).body();

    assertThat(body.path("everyCaseMatched").asBoolean()).as("replay: %s", body).isFalse();
    assertThat(textValues(body.path("unmatched"))).containsExactly(neitherTimely);
    assertThat(body.path("failed")).isEmpty();
  }

  @Test
  void aTableThatLeavesCasesUnmatchedCannotBeApprovedAndTheRulesInForceStay() throws IOException {
    decision("KEY_WORK", false, true, false, false, "NOT_TOLERATE");
    String rules = latestRules();
    String withoutCatchAll = rules.substring(0, rules.indexOf("<rule id=\"rule8\">"))
        + rules.substring(rules.indexOf("</rule>", rules.indexOf("<rule id=\"rule8\">")) + "</rule>".length());
    int before = latestRulesVersion();

    Reply held = rest.deploy("guize", ENGINE, "没有兜底规则", List.of(file("tolerance-determination.dmn", withoutCatchAll)));
    assertThat(held.status()).as("deploy: %s", held.body()).isEqualTo(202);
    String pendingNo = held.text("pendingNo");
    JsonNode review = rest.get("guize", "/api/deployments/pending/" + pendingNo).body();
    Reply refused = rest.post("admin", "/api/deployments/pending/" + pendingNo + "/approve", null);

    assertThat(review.path("approvable").asBoolean()).as("review: %s", review).isFalse();
    assertThat(review.path("ruleChanges").get(0).path("change").asText()).isEqualTo("删除");
    assertThat(refused.status()).as("approve: %s", refused.body()).isEqualTo(422);
    assertThat(refused.text("message")).contains("不能批准").contains("没有规则命中");
    assertThat(latestRulesVersion()).isEqualTo(before);
    assertThat(rest.get("guize", "/api/deployments/pending").body().findValuesAsText("pendingNo")).contains(pendingNo);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rules.txt|TOLERATE|只能预览 DMN",
      "tolerance-determination.dmn|<definitions|不是有效的 XML",
      "other.dmn|NO_TABLE|不是可用的容错认定规则表",
      "tolerance-determination.dmn|EXTERNAL|external",
      "tolerance-determination.dmn|JUEL|FEEL",
      "tolerance-determination.dmn|LOOP|for、some、every、function",
      "tolerance-determination.dmn|SOME|for、some、every、function",
      "tolerance-determination.dmn|MANY_RULES|不能超过 500 条",
      "tolerance-determination.dmn|HUGE|不能超过 1024 KB"})
  void anUnusableTableIsRefusedNamingWhy(String fileName, String content, String message) throws IOException {
    String table = switch (content) {
      case "EXTERNAL" -> rules().replace("<text>actedInPublicInterest</text>",
          "<text>function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}}</text>");
      case "JUEL" -> rules().replace("<inputExpression id=\"inputExpression_circumstance\" typeRef=\"string\">",
          "<inputExpression id=\"inputExpression_circumstance\" typeRef=\"string\" expressionLanguage=\"juel\">");
      case "NO_TABLE" -> "<definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' id='otherDefinitions' name='other'"
          + " namespace='http://wuzhou.gov.cn/test'><decision id='other' name='other'><literalExpression>"
          + "<text>1</text></literalExpression></decision></definitions>";
      case "LOOP" -> rules().replace("<inputEntry id=\"rule1_breach\"><text>true</text>",
          "<inputEntry id=\"rule1_breach\"><text>count(for i in 1..1000000 return i) > 0</text>");
      case "SOME" -> rules().replace("<inputEntry id=\"rule1_breach\"><text>true</text>",
          "<inputEntry id=\"rule1_breach\"><text>some x in [1, 2] satisfies x > 1</text>");
      case "MANY_RULES" -> withCopiesOfTheLastRule(rules(), 500);
      case "HUGE" -> rules().replace("<decisionTable", "<!-- " + "x".repeat(1024 * 1024) + " --><decisionTable");
      default -> content;
    };

    Reply replay = replay("guize", fileName, table);

    assertThat(replay.status()).as("replay: %s", replay.body()).isEqualTo(400);
    assertThat(replay.text("message")).contains(message);
  }

  @Test
  void aTableThatWouldLoopIsRefusedBeforeAnyEvaluationWellWithinTheBudget() throws IOException {
    long start = System.nanoTime();

    Reply replay = replay("guize", "tolerance-determination.dmn", rules().replace(
        "<inputEntry id=\"rule1_breach\"><text>true</text>",
        "<inputEntry id=\"rule1_breach\"><text>count(for i in 1..100000000 return i) > 0</text>"));

    assertThat(replay.status()).as("replay: %s", replay.body()).isEqualTo(400);
    assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(10));
    Reply deployed = rest.deploy("guize", ENGINE, "循环规则", List.of(file("tolerance-determination.dmn", rules().replace(
        "<inputEntry id=\"rule1_breach\"><text>true</text>",
        "<inputEntry id=\"rule1_breach\"><text>count(for i in 1..100000000 return i) > 0</text>"))));
    assertThat(deployed.status()).as("deploy: %s", deployed.body()).isEqualTo(400);
    assertThat(deployed.text("message")).contains("一元检验");
  }

  /** The table with the catch-all rule copied until it has this many rules more. */
  private static String withCopiesOfTheLastRule(String table, int copies) {
    int start = table.indexOf("<rule id=\"rule8\">");
    String rule = table.substring(start, table.indexOf("</rule>", start) + "</rule>".length());
    StringBuilder more = new StringBuilder();
    for (int i = 0; i < copies; i++) {
      more.append(rule.replace("rule8", "copy" + i));
    }
    return table.replace(rule, rule + more);
  }

  @Test
  void onlyProcessOwnersAndAdministratorsReplay() throws IOException {
    assertThat(replay("wenze", "tolerance-determination.dmn", rules()).status()).isEqualTo(403);
    assertThat(replay("commerce-clerk", "tolerance-determination.dmn", rules()).status()).isEqualTo(403);
    Reply byAdmin = replay("admin", "tolerance-determination.dmn", rules());
    assertThat(byAdmin.status()).as("replay: %s", byAdmin.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<scriptTask id='runScript' scriptFormat='javascript'><script>java.lang.System.exit(1)</script></scriptTask>|runScript",
      "<serviceTask id='callClass' camunda:class='java.lang.Runtime'/>|callClass",
      "<serviceTask id='readUsers' camunda:expression='${identityService.createUserQuery().list()}'/>|readUsers",
      "<serviceTask id='reachEngine' camunda:expression='${execution.getProcessEngine().getIdentityService()}'/>|reachEngine",
      "<serviceTask id='callDelegate' camunda:expression='${recordDecision.execute(execution)}'/>|callDelegate",
      "<serviceTask id='readClass' camunda:expression=\"${execution['class'].classLoader}\"/>|readClass",
      "<userTask id='listen'><extensionElements><camunda:taskListener event='create' expression='${runtimeService.deleteProcessInstance(task.processInstanceId, null)}'/></extensionElements></userTask>|listen"})
  void aDeploymentThatWouldRunCodeIsRefusedNamingTheElementAndNothingIsDeployed(String element, String id) {
    long deployments = repositoryService.createDeploymentQuery().count();

    Reply refused = rest.deploy("guize", ENGINE, "代码", List.of(file("code.bpmn", process("runsCode", element))));

    assertThat(refused.status()).as("deploy: %s", refused.body()).isEqualTo(400);
    assertThat(refused.text("message")).contains(id);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("runsCode").count()).isZero();
  }

  @Test
  void theProjectsOwnProcessesAndFormsAreDeployableByAProcessOwner() throws IOException {
    List<FilePart> files = new ArrayList<>();
    // the rules stay as the other tests deployed them
    try (Stream<Path> models = Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("forms")))) {
      models.filter(file -> !file.toString().endsWith(".dmn")).sorted().forEach(file -> files.add(new FilePart(file.getFileName().toString(), "application/octet-stream",
          read(file))));
    }
    int version = repositoryService.createProcessDefinitionQuery().processDefinitionKey("toleranceCase")
        .latestVersion().singleResult().getVersion();

    Reply held = rest.deploy("guize", ENGINE, "容错纠错（全部模型）", files);
    assertThat(held.status()).as("deploy: %s", held.body()).isEqualTo(202);
    Reply approved = rest.post("admin", "/api/deployments/pending/" + held.text("pendingNo") + "/approve", null);

    assertThat(approved.status()).as("approve: %s", approved.body()).isEqualTo(200);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("toleranceCase").latestVersion()
        .singleResult().getVersion()).isEqualTo(version + 1);
  }

  @Test
  void administratorsKeepFullRightsAndClerksCannotDeploy() {
    String script = "<scriptTask id='adminScript' scriptFormat='javascript'><script>1</script></scriptTask>";
    long deployments = repositoryService.createDeploymentQuery().count();

    assertThat(rest.deploy("commerce-clerk", ENGINE, "办事员", List.of(file("clerk.bpmn", process("byClerk", "")))).status())
        .isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

    Reply byAdmin = rest.deploy("admin", ENGINE, "管理员", List.of(file("admin.bpmn", process("byAdmin", script))));
    assertThat(byAdmin.status()).as("deploy: %s", byAdmin.body()).isEqualTo(200);
    repositoryService.deleteDeployment(byAdmin.text("id"), true);
  }

  @Test
  void aProcessOwnerReadsDefinitionsButNothingAboutCases() {
    String id = reportCorrectedCase();
    decision("OTHER", false, true, true, false, "MITIGATE");

    // what Modeler's deploy dialog asks before it deploys
    assertThat(rest.get("guize", ENGINE + "/deployment?maxResults=0").status()).isEqualTo(200);
    assertThat(rest.get("guize", ENGINE + "/decision-definition/key/toleranceDetermination").status())
        .isEqualTo(200);
    assertThat(rest.get("guize", ENGINE + "/process-definition/key/toleranceCase").status()).isEqualTo(200);
    assertThat(rest.get("guize", ENGINE + "/process-instance/" + id).status()).isEqualTo(404);
    assertThat(rest.get("guize", ENGINE + "/process-instance").body()).isEmpty();
    assertThat(rest.get("guize", ENGINE + "/task").body()).isEmpty();
    assertThat(rest.get("guize", ENGINE + "/history/process-instance").body()).isEmpty();
    assertThat(rest.get("guize", ENGINE + "/history/variable-instance").body()).isEmpty();
    assertThat(rest.get("guize", "/api/decisions").body().path("total").asLong()).isZero();
    assertThat(rest.get("guize", "/api/cases/" + id).status()).isEqualTo(404);
    assertThat(rest.get("guize", "/api/cases/" + id + "/documents").status()).isEqualTo(404);
    assertThat(rest.get("guize", "/api/protections?officialId=WZ-1").body().path("total").asLong()).isZero();
  }

  private String reportCorrectedCase() {
    Reply started = rest.post("commerce-clerk", ENGINE + "/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseDriver.validReport(today.date())));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    String id = started.text("id");
    desk.acknowledgeAndCorrect(id, today.date());
    return id;
  }

  /** A decision of a case that never ran, as the registry keeps it, with what the rules in force recommended. */
  private DecisionRecord decision(String circumstance, boolean prefiled, boolean followedProcedure,
      boolean reportedTimely, boolean correctedTimely, String recommendation) {
    LocalDate day = LocalDate.of(2019, 6, 3);
    DecisionRecord record = new DecisionRecord(null, UUID.randomUUID().toString(), "unit-commerce", "市商务局",
        "WZ-" + UUID.randomUUID().toString().substring(0, 8), "李明", "科长", "PARTY_GOV_ORGAN", "OTHER", circumstance, "DEVIATION", day, day,
        null, prefiled, reportedTimely, correctedTimely, false, recommendation, "依据", recommendation, "依据", day,
        new Findings(true, followedProcedure, false, false, false, null), day, day, null, new Rules(null, null));
    return new RegistrySeed(context).decision(record);
  }

  private Reply replay(String user, String fileName, String table) {
    return rest.upload(user, "/api/rules/replay",
        new FilePart(fileName, "application/octet-stream", table.getBytes(StandardCharsets.UTF_8)), Map.of());
  }

  private int latestRulesVersion() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("toleranceDetermination")
        .latestVersion().singleResult().getVersion();
  }

  private String latestRulesId() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("toleranceDetermination")
        .latestVersion().singleResult().getId();
  }

  /** The table in force, as a process owner downloads it before editing it in Modeler. */
  private String latestRules() {
    return rest.get("guize", ENGINE + "/decision-definition/key/toleranceDetermination/xml").text("dmnXml");
  }

  private static String rules() throws IOException {
    return Files.readString(RULES);
  }

  private static List<String> textValues(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static FilePart file(String name, String xml) {
    return new FilePart(name, "application/octet-stream", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String process(String key, String element) {
    return "<?xml version='1.0' encoding='UTF-8'?><definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' targetNamespace='http://wuzhou.gov.cn/test'>"
        + "<process id='" + key + "' isExecutable='true' camunda:historyTimeToLive='P1D'><startEvent id='start'/>"
        + element + "</process></definitions>";
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
