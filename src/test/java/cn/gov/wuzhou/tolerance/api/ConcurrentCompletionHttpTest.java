package cn.gov.wuzhou.tolerance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.TestUsers;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Two clerks of the commission act on the same review at once: one wins, the other is told why. */
@HttpTest
class ConcurrentCompletionHttpTest {

  static final String SECOND_CLERK = "jiwei-second";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  Rest rest;

  @BeforeEach
  void secondClerk() {
    rest = new Rest(port);
    if (identityService.createUserQuery().userId(SECOND_CLERK).count() == 0) {
      User user = identityService.newUser(SECOND_CLERK);
      user.setPassword(Rest.PASSWORD);
      TestUsers.save(identityService, user);
      identityService.createMembership(SECOND_CLERK, "discipline-inspection");
    }
  }

  @AfterEach
  void noSecondClerk() {
    identityService.deleteUser(SECOND_CLERK);
  }

  // the engine lost up to one race in eight with a NullPointerException (see the test below)
  @RepeatedTest(20)
  void simultaneousCompletionsOneWinsTheOtherGetsAConflict() throws Exception {
    String taskId = reviewTask();
    CyclicBarrier together = new CyclicBarrier(2);
    var first = CompletableFuture.supplyAsync(() -> complete("jiwei", taskId, together));
    var second = CompletableFuture.supplyAsync(() -> complete(SECOND_CLERK, taskId, together));

    List<Reply> replies = List.of(first.get(), second.get());

    assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(204, 409);
    Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
    assertThat(loser.text("message")).contains("刚被他人签收或办理");
  }

  @Test
  void completingATaskSomeoneElseCompletedIsAConflict() {
    String taskId = reviewTask();
    assertThat(rest.post("jiwei", "/engine-rest/task/" + taskId + "/complete", decision()).status()).isEqualTo(204);

    Reply late = rest.post(SECOND_CLERK, "/engine-rest/task/" + taskId + "/complete", decision());

    assertThat(late.status()).isEqualTo(409);
    assertThat(late.text("message")).contains("请刷新任务列表");
  }

  @Test
  void aLoserWhoseCompletionFailsInsideTheEngineIsToldOfTheConflict() {
    String taskId = reviewTask();
    assertThat(rest.post("jiwei", "/engine-rest/task/" + taskId + "/complete", decision()).status()).isEqualTo(204);
    EngineRestConfig.UnexpectedExceptionMapper mapper = new EngineRestConfig.UnexpectedExceptionMapper();
    mapper.uri = mock(UriInfo.class);
    when(mapper.uri.getPath()).thenReturn("task/" + taskId + "/complete");

    // what the engine threw at the loser who had read the task before the winner's commit
    Response response = mapper.toResponse(
        new NullPointerException("Cannot invoke \"String.equals(Object)\" because \"activityInstanceId\" is null"));

    assertThat(response.getStatus()).isEqualTo(409);
  }

  @Test
  void completingATaskThatNeverExistedIsNotFound() {
    Reply reply = rest.post("jiwei", "/engine-rest/task/" + UUID.randomUUID() + "/complete", decision());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.text("message")).contains("不存在");
  }

  @Test
  void claimingATaskSomeoneElseClaimedIsAConflict() {
    String taskId = reviewTask();
    assertThat(rest.post("jiwei", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "jiwei")).status())
        .isEqualTo(204);

    Reply late = rest.post(SECOND_CLERK, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", SECOND_CLERK));

    assertThat(late.status()).isEqualTo(409);
  }

  private String reviewTask() {
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/prefiling/start",
        Rest.withVariables(Map.of("planTitle", "试点", "planSummary", "摘要", "workCategory", "KEY_REFORM",
            "innovationNature", "EXPLORATORY", "riskAssessment", "评估", "plannedStart", "2030-12-01",
            "filingAuthority", "discipline-inspection")));
    return rest.get("jiwei", "/engine-rest/task?processInstanceId=" + started.text("id")).body().get(0)
        .path("id").asText();
  }

  private Reply complete(String user, String taskId, CyclicBarrier together) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return rest.post(user, "/engine-rest/task/" + taskId + "/complete", decision());
  }

  private static Object decision() {
    return Rest.withVariables(Map.of("prefilingDecision", "REGISTERED"));
  }
}
