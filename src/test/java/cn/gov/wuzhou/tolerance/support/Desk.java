package cn.gov.wuzhou.tolerance.support;

import static cn.gov.wuzhou.tolerance.support.Rest.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;

/** A clerk's desk over {@code /engine-rest}: what Tasklist does when a clerk works a task. */
public final class Desk {

  private final Rest rest;
  private final int patienceSeconds;
  private final String engineRest;

  public Desk(Rest rest) {
    this(rest, 20);
  }

  /** A desk that waits longer for tasks to arrive, for when jobs may be held up (a dead node's locks). */
  public Desk(Rest rest, int patienceSeconds) {
    this(rest, patienceSeconds, "/engine-rest");
  }

  /** A desk on the engine of that name ({@code /engine-rest/engine/<name>}) in a test context of its own. */
  public Desk(Rest rest, int patienceSeconds, String engineRest) {
    this.rest = rest;
    this.patienceSeconds = patienceSeconds;
    this.engineRest = engineRest;
  }

  /** Waits for the task to reach the group's list (jobs may still be running) and returns its id. */
  public String awaitTask(String user, String group, String instanceId, String taskKey) {
    String query = engineRest + "/task?candidateGroup=" + group + "&processInstanceId=" + instanceId
        + "&taskDefinitionKey=" + taskKey;
    await(taskKey + " reaches " + group, patienceSeconds, () -> rest.get(user, query).body().size() == 1);
    return rest.get(user, query).body().get(0).path("id").asText();
  }

  /** Waits for the task to reach the group's list, then claims it. */
  public String claim(String user, String group, String instanceId, String taskKey) {
    String taskId = awaitTask(user, group, instanceId, taskKey);
    assertThat(rest.post(user, engineRest + "/task/" + taskId + "/claim", Map.of("userId", user)).status())
        .as("%s claims %s", user, taskKey).isEqualTo(204);
    return taskId;
  }

  public void complete(String user, String taskId, Map<String, ?> variables) {
    Reply reply = rest.post(user, engineRest + "/task/" + taskId + "/complete", Rest.withVariables(variables));
    assertThat(reply.status()).as("%s completes %s: %s", user, taskId, reply.body()).isEqualTo(204);
  }

  /** Submits the task's form as Tasklist does. */
  public void submitForm(String user, String taskId, Map<String, ?> variables) {
    Reply reply = rest.post(user, engineRest + "/task/" + taskId + "/submit-form", Rest.withVariables(variables));
    assertThat(reply.status()).as("%s submits %s: %s", user, taskId, reply.body()).isEqualTo(204);
  }

  public void work(String user, String group, String instanceId, String taskKey, Map<String, ?> variables) {
    complete(user, claim(user, group, instanceId, taskKey), variables);
  }

  /**
   * A city case of {@code commerce-clerk}'s from its report to the office's review: 上级党委（党组） and 纪委监委
   * acknowledge it, the unit corrects (plan, completion on the given day), 纪委监委 verifies.
   */
  public void acknowledgeAndCorrect(String caseId, LocalDate correctedOn) {
    work("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee",
        Map.of("superiorAcknowledged", true, "superiorInstruction", "立即整改，按时报告"));
    work("jiwei", "discipline-inspection", caseId, "acknowledgeByDisciplineInspection",
        Map.of("disciplineAcknowledged", true));
    work("commerce-clerk", "unit-commerce", caseId, "submitCorrectionPlan",
        Map.of("correctionPlan", "重新论证选址，调整建设时序"));
    work("commerce-clerk", "unit-commerce", caseId, "reportCorrectionCompleted",
        Map.of("correctionCompletedOn", correctedOn.toString(), "correctionReport", "已完成选址调整，项目复工"));
    work("jiwei", "discipline-inspection", caseId, "verifyCorrection", Map.of("correctionVerified", "true"));
  }

  /** The 送达 of a decided case's 认定意见书: the unit signs for it and records that the official signed on the day. */
  /**
   * A city case of commerce-clerk, acknowledged and corrected, reviewed with clean findings, tolerated, every
   * protection notice taken note of and the decision served: the whole case until it ends.
   */
  public void tolerateAndServe(String caseId, LocalDate today) {
    work("wenze", "accountability-office", caseId, "reviewCase", CaseDriver.cleanFindings());
    work("wenze", "accountability-office", caseId, "proposeDetermination", Map.of());
    work("party-secretary", "superior-party-committee", caseId, "approveDetermination", Map.of("approved", "true"));
    work("zuzhi", "organization-dept", caseId, "confirmOfficialRoles", Map.of());
    work("zuzhi", "organization-dept", caseId, "acknowledgeProtection", Map.of("protectionAcknowledged", true));
    work("renshe", "hr-social-security", caseId, "acknowledgeProtection", Map.of("protectionAcknowledged", true));
    work("jiwei", "discipline-inspection", caseId, "acknowledgeProtection", Map.of("protectionAcknowledged", true));
    serveDecision("commerce-clerk", "unit-commerce", caseId, today);
    awaitEnded("commerce-clerk", caseId);
  }

  public void serveDecision(String user, String unitGroup, String caseId, LocalDate signedOn) {
    work(user, unitGroup, caseId, "signForDecision", Map.of("decisionReceived", true));
    work(user, unitGroup, caseId, "recordOfficialSignature",
        Map.of("officialSignature", "SIGNED", "officialSignedOn", signedOn.toString()));
  }

  public void awaitEnded(String user, String instanceId) {
    await("case " + instanceId + " ends", patienceSeconds, () -> "COMPLETED".equals(
        rest.get(user, engineRest + "/history/process-instance/" + instanceId).text("state")));
  }

  /** A variable of the case as its history keeps it, read with the given user's rights. */
  public JsonNode variable(String user, String instanceId, String name) {
    JsonNode found = rest.get(user, engineRest + "/history/variable-instance?processInstanceId=" + instanceId
        + "&variableName=" + name).body();
    assertThat(found).as("variable %s of %s", name, instanceId).hasSize(1);
    return found.get(0).path("value");
  }
}
