package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.CaseState;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.FromAddress;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import cn.gov.wuzhou.tolerance.support.TestUsers;
import cn.gov.wuzhou.tolerance.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk holding a task tries to hand it to someone not entitled — another unit's clerk, a colleague's claim taken
 * away — through every command the engine APIs offer: each is refused and the task stays as it was. Only
 * administrators assign; a holder may give the task back. Camunda's own attachments are closed the same way.
 */
@HttpTest
class TaskHandOffHttpTest {

  static final String COLLEAGUE = "party-deputy";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Today today;
  @Autowired IdentityService identityService;
  Rest rest;
  Desk desk;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest);
    User colleague = identityService.newUser(COLLEAGUE);
    colleague.setPassword(Rest.PASSWORD);
    TestUsers.save(identityService, colleague);
    identityService.createMembership(COLLEAGUE, "superior-party-committee");
  }

  @AfterEach
  void noColleague() {
    identityService.deleteUser(COLLEAGUE);
  }

  @Test
  void theHolderHandsTheTaskToNobodyElse() {
    String caseId = report();
    String taskId = desk.claim("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee");
    Snapshot before = snapshot(caseId, taskId);
    String task = "/engine-rest/task/" + taskId;

    assertRefused(rest.post("party-secretary", task + "/assignee", Map.of("userId", "tengxian-clerk")), "指派给他人");
    assertRefused(rest.post("party-secretary", task + "/delegate", Map.of("userId", "tengxian-clerk")), "委托给他人");
    assertRefused(rest.post("party-secretary", task + "/identity-links",
        Map.of("userId", "tengxian-clerk", "type", "candidate")), "候选人");
    assertRefused(rest.post("party-secretary", task + "/identity-links",
        Map.of("groupId", "unit-tengxian-agri", "type", "candidate")), "候选组");
    assertRefused(rest.post("party-secretary", task + "/identity-links/delete",
        Map.of("groupId", "superior-party-committee", "type", "candidate")), "候选组");
    String name = rest.get("party-secretary", task).text("name");
    assertRefused(rest.send("party-secretary", "PUT", task, Map.of("name", name, "assignee", "tengxian-clerk")), "办理人");
    assertRefused(rest.send("party-secretary", "PUT", task,
        Map.of("name", name, "assignee", "party-secretary", "owner", "tengxian-clerk")), "所有人");

    assertThat(snapshot(caseId, taskId)).isEqualTo(before);
    assertThat(rest.get("tengxian-clerk", task).status()).as("the other unit still cannot see it").isEqualTo(404);
  }

  @Test
  void aCandidateTakesNoColleaguesClaimAway() {
    String caseId = report();
    String taskId = desk.claim("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee");
    Snapshot before = snapshot(caseId, taskId);
    String task = "/engine-rest/task/" + taskId;

    assertRefused(rest.post(COLLEAGUE, task + "/claim", Map.of()), "只能为自己签收");
    assertRefused(rest.post(COLLEAGUE, task + "/claim", Map.of("userId", "party-secretary")), "只能为自己签收");
    assertRefused(rest.post(COLLEAGUE, task + "/assignee", Map.of("userId", COLLEAGUE)), null);
    assertRefused(rest.post(COLLEAGUE, task + "/unclaim", Map.of()), null);
    assertRefused(rest.post(COLLEAGUE, task + "/delegate", Map.of("userId", COLLEAGUE)), null);

    assertThat(snapshot(caseId, taskId)).isEqualTo(before);
    assertThat(assignee(taskId)).isEqualTo("party-secretary");
  }

  @Test
  void theWebappsEngineApiHoldsTheSameRules() {
    String caseId = report();
    String taskId = desk.claim("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee");
    Snapshot before = snapshot(caseId, taskId);
    WebappSession holder = WebappSession.login(port, "party-secretary");
    WebappSession colleague = WebappSession.login(port, COLLEAGUE);

    assertRefused(holder.engine("POST", "/task/" + taskId + "/assignee", Map.of("userId", "tengxian-clerk")), null);
    assertRefused(holder.engine("POST", "/task/" + taskId + "/delegate", Map.of("userId", "tengxian-clerk")), null);
    assertRefused(holder.engine("POST", "/task/" + taskId + "/identity-links",
        Map.of("groupId", "unit-tengxian-agri", "type", "candidate")), null);
    assertRefused(colleague.engine("POST", "/task/" + taskId + "/claim", Map.of()), null);
    assertThat(snapshot(caseId, taskId)).isEqualTo(before);

    assertThat(holder.engine("POST", "/task/" + taskId + "/unclaim", null).status())
        .as("the holder gives it back").isEqualTo(204);
    assertThat(assignee(taskId)).isNull();
    assertThat(colleague.engine("POST", "/task/" + taskId + "/claim", Map.of("userId", COLLEAGUE)).status())
        .as("and a colleague claims it for herself").isEqualTo(204);
    assertThat(assignee(taskId)).isEqualTo(COLLEAGUE);
  }

  @Test
  void administratorsAssignAndDelegate() {
    String caseId = report();
    String taskId = desk.claim("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee");

    assertThat(rest.post("admin", "/engine-rest/task/" + taskId + "/assignee", Map.of("userId", COLLEAGUE)).status())
        .isEqualTo(204);
    assertThat(assignee(taskId)).isEqualTo(COLLEAGUE);
    assertThat(rest.post("admin", "/engine-rest/task/" + taskId + "/delegate", Map.of("userId", "party-secretary"))
        .status()).isEqualTo(204);
    assertThat(assignee(taskId)).isEqualTo("party-secretary");
  }

  @Test
  void aClaimWorksThroughTheGroupsGrantAndAHandOverOutsideItGetsItsOwn() {
    String caseId = report();
    String taskId = desk.claim("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee");
    assertThat(userGrants(taskId)).as("the claim: the group's grant suffices").isEmpty();
    assertThat(rest.get("party-secretary", "/engine-rest/task/" + taskId).status()).isEqualTo(200);

    assertThat(rest.post("admin", "/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "tengxian-clerk"))
        .status()).isEqualTo(204);
    assertThat(userGrants(taskId)).as("handed to someone outside the task's groups").contains("tengxian-clerk");
    assertThat(rest.get("tengxian-clerk", "/engine-rest/task/" + taskId).status()).isEqualTo(200);
  }

  private List<String> userGrants(String taskId) {
    return jdbc.queryForList("SELECT USER_ID_ FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ = ? AND USER_ID_ IS NOT NULL",
        String.class, taskId);
  }

  @Test
  void camundasAttachmentsAreForAdministratorsOnly() {
    String caseId = report();
    String taskId = desk.claim("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee");
    String unitTask = desk.awaitTask("commerce-clerk", "unit-commerce", caseId, "submitCorrectionPlan");
    Snapshot before = snapshot(caseId, taskId);
    String page = "<html><script>alert(1)</script></html>";

    Reply file = attach("party-secretary", taskId, "attachment-name", "通知", "attachment-type", "text/html",
        "content", page);
    Reply link = attach("party-secretary", taskId, "attachment-name", "链接", "url", "javascript:alert(1)");
    Reply ownCase = attach("commerce-clerk", unitTask, "attachment-name", "通知", "content", page);

    for (Reply refused : List.of(file, link, ownCase)) {
      assertThat(refused.status()).as("%s %s %s", file, link, ownCase).isEqualTo(403);
      assertThat(refused.text("message")).contains("/api/cases/{id}/documents");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_ATTACHMENT", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY WHERE NAME_ = '通知'", Long.class)).isZero();
    assertThat(snapshot(caseId, taskId)).isEqualTo(before);
  }

  /** Camunda's attachment form: multipart fields, the file in {@code content}, a link in {@code url}. */
  private Reply attach(String user, String taskId, String... namesAndValues) {
    String boundary = "----tolerance" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(namesAndValues[i])
          .append("content".equals(namesAndValues[i]) ? "\"; filename=\"通知.html\"\r\nContent-Type: text/html" : "\"")
          .append("\r\n\r\n").append(namesAndValues[i + 1]).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return Rest.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/attachment/create"))
        .header("Authorization", FromAddress.basic(user, Rest.PASSWORD))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /** The case, and who may do what with the task: its identity links (candidates, owner) too. */
  record Snapshot(CaseState state, List<Map<String, Object>> identityLinks, String owner) {}

  private Snapshot snapshot(String caseId, String taskId) {
    return new Snapshot(CaseState.of(jdbc, caseId),
        jdbc.queryForList("SELECT TYPE_, USER_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ = ?"
            + " ORDER BY TYPE_, USER_ID_, GROUP_ID_", taskId),
        jdbc.queryForObject("SELECT OWNER_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, taskId));
  }

  private String assignee(String taskId) {
    return jdbc.queryForObject("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, taskId);
  }

  private static void assertRefused(Reply reply, String message) {
    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(403);
    if (message != null) {
      assertThat(reply.text("message")).contains(message);
    }
  }

  private String report() {
    Reply reply = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseDriver.validReport(today.date())));
    assertThat(reply.status()).as("start: %s", reply.body()).isEqualTo(200);
    return reply.text("id");
  }
}
