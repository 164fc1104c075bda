package cn.gov.wuzhou.tolerance.tolerancecase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Extending a correction deadline over {@code /engine-rest}: only 纪委监委 grants it, and only to a later day than the
 * deadline in force; a refused attempt leaves the deadline, the timers and the task as they were.
 */
@HttpTest
class CorrectionExtensionHttpTest {

  @LocalServerPort int port;
  @Autowired Today today;
  Rest rest;
  Desk desk;
  String id;
  LocalDate deadline;

  @BeforeEach
  void aCaseWhoseUnitAskedForMoreTime() {
    rest = new Rest(port);
    desk = new Desk(rest);
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseDriver.validReport(today.date())));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    id = started.text("id");
    desk.work("party-secretary", "superior-party-committee", id, "acknowledgeBySuperiorCommittee",
        Map.of("superiorAcknowledged", true));
    desk.work("commerce-clerk", "unit-commerce", id, "submitCorrectionPlan", Map.of("correctionPlan", "重新论证选址"));
    deadline = LocalDate.parse(desk.variable("commerce-clerk", id, "correctionDeadline").asText());
    desk.work("commerce-clerk", "unit-commerce", id, "requestCorrectionExtension", Map.of(
        "requestedDeadline", deadline.plusDays(30).toString(), "extensionReason", "设备到货延迟。"));
  }

  @Test
  void aUnitCannotGrantItsOwnExtension() {
    String decision = desk.awaitTask("jiwei", "discipline-inspection", id, "decideCorrectionExtension");
    List<String> before = timers();

    Reply reply = rest.post("commerce-clerk", "/engine-rest/task/" + decision + "/submit-form", Rest.withVariables(Map.of(
        "extensionGranted", "true", "grantedDeadline", deadline.plusDays(30).toString(), "extensionDecisionReason", "同意")));
    Reply claim = rest.post("commerce-clerk", "/engine-rest/task/" + decision + "/claim", Map.of("userId", "commerce-clerk"));

    assertThat(reply.status()).isIn(403, 404);
    assertThat(claim.status()).isIn(403, 404);
    assertUnchanged(decision, before);
  }

  @Test
  void aGrantedDateInThePastOrNotAfterTheDeadlineIsRefusedAndChangesNothing() {
    String decision = desk.claim("jiwei", "discipline-inspection", id, "decideCorrectionExtension");
    List<String> before = timers();
    assertThat(before).as("supervision and closure").hasSize(2);

    for (LocalDate granted : new LocalDate[] {today.date().minusDays(1), deadline, deadline.minusDays(5)}) {
      Reply reply = rest.post("jiwei", "/engine-rest/task/" + decision + "/submit-form", Rest.withVariables(Map.of(
          "extensionGranted", "true", "grantedDeadline", granted.toString(), "extensionDecisionReason", "同意延期")));

      assertThat(reply.status()).as("granted %s: %s", granted, reply.body()).isEqualTo(400);
      assertThat(reply.text("field")).isEqualTo("grantedDeadline");
      assertThat(reply.text("message")).contains("同意延长至").doesNotContainPattern("[A-Za-z]");
      assertUnchanged(decision, before);
    }
  }

  @Test
  void theUnitCannotWriteTheDeadlineThroughItsRequest() {
    desk.work("jiwei", "discipline-inspection", id, "decideCorrectionExtension",
        Map.of("extensionGranted", "false", "extensionDecisionReason", "原期限足够。"));
    String request = desk.claim("commerce-clerk", "unit-commerce", id, "requestCorrectionExtension");
    List<String> before = timers();

    Reply reply = rest.post("commerce-clerk", "/engine-rest/task/" + request + "/submit-form", Rest.withVariables(Map.of(
        "requestedDeadline", deadline.plusDays(30).toString(), "extensionReason", "再次申请。",
        "correctionDeadline", deadline.plusDays(30).toString())));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("field")).isEqualTo("correctionDeadline");
    assertThat(desk.variable("commerce-clerk", id, "correctionDeadline").asText()).isEqualTo(deadline.toString());
    assertThat(timers()).isEqualTo(before);
    assertThat(rest.get("commerce-clerk", "/engine-rest/task/" + request).status()).isEqualTo(200);
  }

  private void assertUnchanged(String decision, List<String> timersBefore) {
    assertThat(desk.variable("jiwei", id, "correctionDeadline").asText()).isEqualTo(deadline.toString());
    assertThat(rest.get("admin", "/engine-rest/history/variable-instance?processInstanceId=" + id
        + "&variableName=grantedDeadline").body()).isEmpty();
    assertThat(rest.get("admin", "/engine-rest/history/variable-instance?processInstanceId=" + id
        + "&variableName=correctionExtensions").body()).isEmpty();
    assertThat(timers()).isEqualTo(timersBefore);
    assertThat(rest.get("jiwei", "/engine-rest/task/" + decision).status()).isEqualTo(200);
  }

  /** The due dates of the case's timers: the supervision and the closure of an unverified correction. */
  private List<String> timers() {
    return rest.get("admin", "/engine-rest/job?timers=true&processInstanceId=" + id + "&sortBy=jobDueDate&sortOrder=asc")
        .body().findValues("dueDate").stream().map(JsonNode::asText).toList();
  }
}
