package cn.gov.wuzhou.tolerance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.TestUsers;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 本机构待办 list as Tasklist asks for it (HAL, with the filter's variable columns): every group that
 * works on a case sees which case each task is, and gains nothing else. A second unit of its own, added as
 * in Admin, keeps the demo units' counts as the other tests expect them.
 */
@HttpTest
class TaskCardsHttpTest {

  @LocalServerPort int port;
  @Autowired Today today;
  Rest rest;
  Desk desk;

  static final String OTHER_UNIT = "unit-market-regulation";
  static final String OTHER_CLERK = "market-clerk";

  @Autowired IdentityService identityService;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest);
    if (identityService.createGroupQuery().groupId(OTHER_UNIT).count() == 0) {
      Group unit = identityService.newGroup(OTHER_UNIT);
      unit.setName("市市场监督管理局");
      identityService.saveGroup(unit);
      User clerk = identityService.newUser(OTHER_CLERK);
      clerk.setPassword(Rest.PASSWORD);
      TestUsers.save(identityService, clerk);
      identityService.createMembership(OTHER_CLERK, OTHER_UNIT);
    }
  }

  @Test
  void anAgencySeesTheUnitAndOfficialOfEachCaseAndNoOtherVariable() {
    String official = "周" + System.nanoTime() % 100000;
    String commerceCase = report("commerce-clerk", official);
    String otherUnitsCase = report(OTHER_CLERK, "吴" + System.nanoTime() % 100000);

    Map<String, String> card = card("jiwei", commerceCase);
    assertThat(card.keySet()).containsExactly(TaskCards.CARD_VARIABLE);
    assertThat(card.get(TaskCards.CARD_VARIABLE)).contains("市商务局", official);
    assertThat(card("jiwei", otherUnitsCase).get(TaskCards.CARD_VARIABLE)).contains("市市场监督管理局");

    // the case itself stays closed to the agency: only the copies of its own task are readable
    assertThat(rest.get("jiwei", "/engine-rest/process-instance/" + commerceCase + "/variables").status())
        .isEqualTo(403);
    JsonNode readable = rest.get("jiwei", "/engine-rest/variable-instance?processInstanceIdIn=" + commerceCase).body();
    assertThat(names(readable)).isNotEmpty().allMatch(TaskCards.CARD_VARIABLE::equals);
  }

  @Test
  void theListNamesTheProcessOfItsTasksKeptOnceForEveryAgency() {
    String caseId = report("commerce-clerk", "郑" + System.nanoTime() % 100000);
    card("jiwei", caseId); // waits for the case's first tasks
    String definitionId = tasks("jiwei", caseId).get(0).path("processDefinitionId").asText();

    for (String viewer : List.of("jiwei", "party-secretary")) {
      Reply list = list(viewer, caseId);
      assertThat(field(list.body().path("_embedded").path("processDefinition"), "name")).containsExactly("容错纠错事项");
    }
    assertThat(Hal.getInstance().getHalRelationCache(HalProcessDefinition.class).get(definitionId))
        .as("kept, not read again by the second agency").isNotNull();
  }

  @Test
  void aGroupWithoutATaskInTheCaseSeesNothingOfIt() {
    String id = report("commerce-clerk", "郑" + System.nanoTime() % 100000);
    card("jiwei", id);

    assertThat(tasks("paizhu", id)).isEmpty();
    assertThat(rest.get("paizhu", "/engine-rest/variable-instance?processInstanceIdIn=" + id).body()).isEmpty();
    assertThat(tasks(OTHER_CLERK, id)).isEmpty();
    assertThat(rest.get(OTHER_CLERK, "/engine-rest/variable-instance?processInstanceIdIn=" + id).body()).isEmpty();
  }

  @Test
  void theUnitSeesTheSameColumnsOnItsOwnTasks() {
    String official = "冯" + System.nanoTime() % 100000;
    String id = report("commerce-clerk", official);
    desk.work("party-secretary", "superior-party-committee", id, "acknowledgeBySuperiorCommittee",
        Map.of("superiorAcknowledged", true));
    desk.work("jiwei", "discipline-inspection", id, "acknowledgeByDisciplineInspection",
        Map.of("disciplineAcknowledged", true));

    assertThat(card("commerce-clerk", id).get(TaskCards.CARD_VARIABLE)).contains("市商务局", official);
  }

  @Test
  void aPreFilingCardNamesItsPlan() {
    String title = "跨境电商通关便利化试点 " + System.nanoTime() % 100000;
    Map<String, Object> plan = new LinkedHashMap<>(Map.of("planTitle", title, "planSummary", "试行“先放后检”。",
        "workCategory", "BUSINESS_ENVIRONMENT", "innovationNature", "EXPLORATORY", "riskAssessment", "风险可控。",
        "plannedStart", today.date().plusDays(10).toString(), "filingAuthority", "discipline-inspection"));
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/prefiling/start",
        Rest.withVariables(plan));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);

    assertThat(card("jiwei", started.text("id")).get(TaskCards.CARD_VARIABLE)).contains(title, "市商务局");
  }

  @Test
  void theCopiesGoWithTheirTaskAndStayOutOfTheHistory() {
    String id = report("commerce-clerk", "陈" + System.nanoTime() % 100000);
    desk.work("jiwei", "discipline-inspection", id, "acknowledgeByDisciplineInspection",
        Map.of("disciplineAcknowledged", true));

    List<String> openTasks = field(rest.get("admin", "/engine-rest/task?processInstanceId=" + id).body(), "id");
    JsonNode copies = rest.get("admin", "/engine-rest/variable-instance?processInstanceIdIn=" + id
        + "&variableName=" + TaskCards.CARD_VARIABLE).body();
    assertThat(openTasks).isNotEmpty();
    assertThat(field(copies, "taskId")).containsExactlyInAnyOrderElementsOf(openTasks);
    JsonNode history = rest.get("admin", "/engine-rest/history/variable-instance?processInstanceId=" + id).body();
    assertThat(names(history)).contains("unitName", "officialName").noneMatch(TaskCards.CARD_VARIABLE::equals);
  }

  private String report(String clerk, String official) {
    Map<String, Object> report = CaseDriver.validReport(today.date());
    report.put("officialName", official);
    Reply reply = rest.post(clerk, "/engine-rest/process-definition/key/toleranceCase/start", Rest.withVariables(report));
    assertThat(reply.status()).as("start: %s", reply.body()).isEqualTo(200);
    return reply.text("id");
  }

  /** The variables Tasklist shows on the card of the viewer's first task of the case (waits for it). */
  private Map<String, String> card(String viewer, String processInstanceId) {
    AtomicReference<List<JsonNode>> found = new AtomicReference<>();
    Rest.await(viewer + " lists a task of " + processInstanceId, () -> {
      found.set(tasks(viewer, processInstanceId));
      return !found.get().isEmpty();
    });
    Map<String, String> variables = new LinkedHashMap<>();
    found.get().get(0).path("_embedded").path("variable")
        .forEach(variable -> variables.put(variable.path("name").asText(), variable.path("value").asText()));
    return variables;
  }

  /** The viewer's 本机构待办, narrowed to one case, as HAL. */
  private List<JsonNode> tasks(String viewer, String processInstanceId) {
    return StreamSupport.stream(list(viewer, processInstanceId).body().path("_embedded").path("task").spliterator(),
        false).toList();
  }

  private Reply list(String viewer, String processInstanceId) {
    String filterId = rest.get(viewer, "/engine-rest/filter?name="
        + URLEncoder.encode("本机构待办", StandardCharsets.UTF_8)).body().get(0).path("id").asText();
    Reply list = rest.postHal(viewer, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        Map.of("processInstanceId", processInstanceId));
    assertThat(list.status()).as("list: %s", list.body()).isEqualTo(200);
    return list;
  }

  private static List<String> names(JsonNode variables) {
    return field(variables, "name");
  }

  private static List<String> field(JsonNode items, String name) {
    return StreamSupport.stream(items.spliterator(), false).map(item -> item.path(name).asText()).toList();
  }
}
