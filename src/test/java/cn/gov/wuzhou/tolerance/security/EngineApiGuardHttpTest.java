package cn.gov.wuzhou.tolerance.security;

import static cn.gov.wuzhou.tolerance.support.Rest.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.TestUsers;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import cn.gov.wuzhou.tolerance.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk tries the administrators' operations on the jobs, incidents, batches and deployments of the
 * system: each is refused before anything changes, and an id of another unit answers exactly as an id
 * that does not exist.
 */
@HttpTest
class EngineApiGuardHttpTest {

  // a commerce case waiting for its correction, with the 30-day deadline timer
  static final String OWN_CLERK = "commerce-clerk";
  static final String OTHER_CLERK = "tengxian-clerk";

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired Today today;
  Rest rest;
  String caseId;
  Job timer;

  record JobState(int retries, Date due, String exception, boolean suspended, long priority, long failures) {}

  @BeforeEach
  void caseWaitingForItsCorrection() {
    rest = new Rest(port);
    Desk desk = new Desk(rest);
    Reply started = rest.post(OWN_CLERK, "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseDriver.validReport(today.date())));
    caseId = started.text("id");
    desk.work("party-secretary", "superior-party-committee", caseId, "acknowledgeBySuperiorCommittee",
        Map.of("superiorAcknowledged", true));
    desk.work("jiwei", "discipline-inspection", caseId, "acknowledgeByDisciplineInspection",
        Map.of("disciplineAcknowledged", true));
    await("the correction deadline timer", () -> timerQuery().count() == 1);
    timer = timerQuery().singleResult();
  }

  @Test
  void anotherUnitCannotFireTheTimerNorTellItFromAnIdThatDoesNotExist() {
    JobState before = state();

    Reply refused = rest.post(OTHER_CLERK, "/engine-rest/job/" + timer.getId() + "/execute", null);
    Reply unknown = rest.post(OTHER_CLERK, "/engine-rest/job/" + UUID.randomUUID() + "/execute", null);

    assertThat(state()).isEqualTo(before);
    assertThat(refused.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(refused.text("type")).isEqualTo(unknown.text("type"));
    assertThat(refused.text("message")).startsWith("没有这个作业，或您无权查看");
  }

  @Test
  void theCasesOwnClerkSeesTheTimerButMayNotFireIt() {
    JobState before = state();

    Reply refused = rest.post(OWN_CLERK, "/engine-rest/job/" + timer.getId() + "/execute", null);

    assertThat(state()).as("no retry lost, not due now, no failure logged").isEqualTo(before);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("message")).contains("无权");
  }

  @Test
  void throughTheWebappsEngineApiTheSame() {
    JobState before = state();

    Reply refused = WebappSession.login(port, OTHER_CLERK).engine("POST", "/job/" + timer.getId() + "/execute", null);

    assertThat(state()).isEqualTo(before);
    assertThat(refused.status()).isEqualTo(404);
  }

  @Test
  void anAdministratorMayFireIt() {
    assertThat(rest.post("admin", "/engine-rest/job/" + timer.getId() + "/execute", null).status()).isEqualTo(204);

    assertThat(taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("superviseCorrection").count())
        .isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "PUT    | /retries             | {\"retries\": 0}",
      "PUT    | /duedate             | {\"duedate\": \"2020-01-01T00:00:00.000+0000\"}",
      "POST   | /duedate/recalculate |",
      "PUT    | /suspended           | {\"suspended\": true}",
      "PUT    | /priority            | {\"priority\": 99}",
      "DELETE |                      |"})
  void noOtherChangeToTheTimerEither(String method, String subPath, String body) {
    JobState before = state();
    String path = "/engine-rest/job/" + timer.getId() + (subPath == null ? "" : subPath);
    Object json = body == null ? null : Rest.parse(body);

    Reply other = rest.send(OTHER_CLERK, method, path, json);
    Reply own = rest.send(OWN_CLERK, method, path, json);

    assertThat(state()).isEqualTo(before);
    assertThat(other.status()).isEqualTo(404);
    assertThat(own.status()).isEqualTo(403);
  }

  @Test
  void stackTracesAreForAdministratorsOnly() {
    String log = historyService.createHistoricJobLogQuery().jobId(timer.getId()).list().get(0).getId();

    assertThat(rest.get(OWN_CLERK, "/engine-rest/job/" + timer.getId() + "/stacktrace").status()).isEqualTo(403);
    assertThat(rest.get(OTHER_CLERK, "/engine-rest/job/" + timer.getId() + "/stacktrace").status()).isEqualTo(404);
    assertThat(rest.get(OWN_CLERK, "/engine-rest/history/job-log/" + log + "/stacktrace").status()).isEqualTo(403);
    assertThat(rest.get(OWN_CLERK, "/engine-rest/external-task/" + UUID.randomUUID() + "/errorDetails").status())
        .isEqualTo(404);
  }

  @Test
  void incidentsCannotBeResolvedOrAnnotatedByClerks() {
    managementService.setJobRetries(timer.getId(), 0);
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(caseId).singleResult();
    String path = "/engine-rest/incident/" + incident.getId();

    assertThat(rest.send(OTHER_CLERK, "DELETE", path, null).status()).isEqualTo(404);
    assertThat(rest.send(OTHER_CLERK, "PUT", path + "/annotation", Map.of("annotation", "已处理")).status()).isEqualTo(404);
    assertThat(rest.send(OWN_CLERK, "PUT", path + "/annotation", Map.of("annotation", "已处理")).status()).isEqualTo(403);

    Incident after = runtimeService.createIncidentQuery().incidentId(incident.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.getAnnotation()).isNull();
    managementService.setJobRetries(timer.getId(), 3);
  }

  @Test
  void batchesCannotBeResumedOrDeletedByClerks() {
    Batch batch = managementService.setJobRetriesAsync(List.of(timer.getId()), 3);
    managementService.suspendBatchById(batch.getId());
    String path = "/engine-rest/batch/" + batch.getId();

    assertThat(rest.send(OWN_CLERK, "PUT", path + "/suspended", Map.of("suspended", false)).status()).isEqualTo(404);
    assertThat(rest.send(OWN_CLERK, "DELETE", path, null).status()).isEqualTo(404);

    assertThat(managementService.createBatchQuery().batchId(batch.getId()).suspended().count()).isEqualTo(1);
    managementService.deleteBatch(batch.getId(), true);
  }

  @Test
  void theSystemsDeploymentCannotBeDeletedOrRedeployedByClerks() {
    String deployment = repositoryService.createProcessDefinitionQuery().processDefinitionKey("toleranceCase")
        .latestVersion().singleResult().getDeploymentId();
    long deployments = repositoryService.createDeploymentQuery().count();

    assertThat(rest.send(OWN_CLERK, "DELETE", "/engine-rest/deployment/" + deployment + "?cascade=true", null).status())
        .isEqualTo(404);
    assertThat(rest.post(OWN_CLERK, "/engine-rest/deployment/" + deployment + "/redeploy", Map.of()).status())
        .isEqualTo(404);

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count()).isEqualTo(1);
  }

  @Test
  void processDefinitionsCannotBeSuspendedOrDeletedByClerks() {
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("toleranceCase")
        .latestVersion().singleResult().getId();

    assertThat(rest.send(OWN_CLERK, "PUT", "/engine-rest/process-definition/key/toleranceCase/suspended",
        Map.of("suspended", true, "includeProcessInstances", true)).status()).isEqualTo(403);
    assertThat(rest.send(OWN_CLERK, "DELETE", "/engine-rest/process-definition/" + definition + "?cascade=true", null)
        .status()).isEqualTo(403);

    assertThat(repositoryService.getProcessDefinition(definition).isSuspended()).isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).active().count()).isEqualTo(1);
  }

  @Test
  void aGroupGrantedDeploymentsDeploysWithoutBeingAdministrator() {
    String user = "deployer-" + UUID.randomUUID().toString().substring(0, 8);
    User deployer = identityService.newUser(user);
    deployer.setPassword(Rest.PASSWORD);
    TestUsers.save(identityService, deployer);
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setResource(Resources.DEPLOYMENT);
    grant.setResourceId(Authorization.ANY);
    grant.addPermission(Permissions.CREATE);
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.DELETE);
    authorizationService.saveAuthorization(grant);
    try {
      // held for an administrator's approval like any deployment of someone who is not one (MISSION.md, "Process owners")
      String pendingNo = deploy(user).path("pendingNo").asText();
      Reply approved = rest.post("admin", "/api/deployments/pending/" + pendingNo + "/approve", null);
      assertThat(approved.status()).as("approve: %s", approved.body()).isEqualTo(200);
      String deployment = approved.text("deploymentId");
      assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);

      assertThat(rest.send(user, "DELETE", "/engine-rest/deployment/" + deployment, null).status()).isEqualTo(204);
      assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).isZero();
    } finally {
      authorizationService.deleteAuthorization(grant.getId());
      identityService.deleteUser(user);
    }
  }

  private JsonNode deploy(String user) {
    String boundary = "----tolerance" + UUID.randomUUID();
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"http://wuzhou.gov.cn/test\">"
        + "<process id=\"deployedByGrant\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<startEvent id=\"start\"/></process></definitions>";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ngranted\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"granted.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + Rest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JobQuery timerQuery() {
    return managementService.createJobQuery().processInstanceId(caseId).timers().activityId("correctionOverdue");
  }

  private JobState state() {
    Job job = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    long failures = historyService.createHistoricJobLogQuery().jobId(timer.getId()).failureLog().count();
    return new JobState(job.getRetries(), job.getDuedate(), job.getExceptionMessage(), job.isSuspended(),
        job.getPriority(), failures);
  }
}
