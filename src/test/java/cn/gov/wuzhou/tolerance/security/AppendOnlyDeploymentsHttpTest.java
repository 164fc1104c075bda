package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.registry.DeploymentArchive;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deployments are append-only: a process owner cannot delete what they deployed, nobody deletes a deployment
 * a case ran on (cascading or not, deployment or definition), and every deployment is archived with author,
 * time and SHA-256, readable by process owners and administrators even after an administrator deleted it.
 */
@HttpTest
class AppendOnlyDeploymentsHttpTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;
  Rest rest;
  String key;
  byte[] model;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    key = "owned" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    model = ("<?xml version='1.0' encoding='UTF-8'?><definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " xmlns:camunda='http://camunda.org/schema/1.0/bpmn' targetNamespace='http://wuzhou.gov.cn/test'>"
        + "<process id='" + key + "' isExecutable='true' camunda:historyTimeToLive='P1D'><startEvent id='start'/>"
        + "<sequenceFlow id='toWait' sourceRef='start' targetRef='wait'/><userTask id='wait'/></process></definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theOwnerCannotDeleteTheirDeploymentAndNobodyDeletesOneACaseRanOn() {
    String deployment = deploy("guize");
    assertThat(authorizationService.isUserAuthorized("guize", List.of("process-owner"), Permissions.DELETE,
        Resources.DEPLOYMENT, deployment)).isFalse();
    String instance = runtimeService.startProcessInstanceByKey(key).getId();
    String definition = repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();

    Reply byOwner = rest.send("guize", "DELETE", "/engine-rest/deployment/" + deployment + "?cascade=true", null);
    Reply byAdmin = rest.send("admin", "DELETE", "/engine-rest/deployment/" + deployment + "?cascade=true", null);
    Reply definitionByAdmin = rest.send("admin", "DELETE", "/engine-rest/process-definition/" + definition
        + "?cascade=true", null);
    Reply byKeyByAdmin = rest.send("admin", "DELETE", "/engine-rest/process-definition/key/" + key
        + "/delete?cascade=true", null);

    assertThat(byOwner.status()).as("owner: %s", byOwner.body()).isEqualTo(403);
    assertThat(byAdmin.status()).as("admin: %s", byAdmin.body()).isEqualTo(400);
    assertThat(byAdmin.text("message")).contains("不能删除");
    assertThat(definitionByAdmin.status()).as("definition: %s", definitionByAdmin.body()).isEqualTo(400);
    assertThat(byKeyByAdmin.status()).as("by key: %s", byKeyByAdmin.body()).isIn(400, 404);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
  }

  @Test
  void everyDeploymentIsArchivedWithAuthorAndHashAndOutlivesItsDeletion() {
    String owners = deploy("guize");
    String admins = deploy("admin");
    assertThat(rest.send("admin", "DELETE", "/engine-rest/deployment/" + admins, null).status()).isEqualTo(204);

    JsonNode archive = rest.get("guize", "/api/deployments?size=100").body();

    assertThat(file(archive, owners).path("author").asText()).isEqualTo("guize");
    assertThat(file(archive, owners).path("sha256").asText()).isEqualTo(DeploymentArchive.sha256(model));
    assertThat(file(archive, admins).path("author").asText()).isEqualTo("admin");
    assertThat(rest.download("guize", "/api/deployments/" + admins + "/files/" + key + ".bpmn").body()).isEqualTo(model);
    assertThat(rest.get("commerce-clerk", "/api/deployments").status()).isEqualTo(403);
  }

  private static JsonNode file(JsonNode archive, String deploymentId) {
    for (JsonNode file : archive.path("items")) {
      if (file.path("deploymentId").asText().equals(deploymentId)) {
        return file;
      }
    }
    throw new AssertionError("deployment " + deploymentId + " is not archived: " + archive);
  }

  /** Deployed by the user; a process owner's deployment after an administrator's approval. */
  private String deploy(String user) {
    Reply deployed = rest.deploy(user, "/engine-rest", "追加部署", List.of(new FilePart(key + ".bpmn",
        "application/octet-stream", model)));
    if (user.equals("admin")) {
      assertThat(deployed.status()).as("deploy: %s", deployed.body()).isEqualTo(200);
      return deployed.text("id");
    }
    assertThat(deployed.status()).as("deploy: %s", deployed.body()).isEqualTo(202);
    Reply approved = rest.post("admin", "/api/deployments/pending/" + deployed.text("pendingNo") + "/approve", null);
    assertThat(approved.status()).as("approve: %s", approved.body()).isEqualTo(200);
    return approved.text("deploymentId");
  }
}
