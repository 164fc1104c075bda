package cn.gov.wuzhou.tolerance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import cn.gov.wuzhou.tolerance.support.WebappSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last requests the engine REST API answered with a 500, or answered to anybody: each is a 4xx in Chinese now,
 * or needs a login and, for the engine-wide figures, an administrator.
 */
@HttpTest
class LeftOverErrorsHttpTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Rest rest;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "commerce-clerk"})
  void anUnknownExecutionsVariablesAre404(String user) {
    for (String path : List.of("/localVariables", "/localVariables/note")) {
      Reply reply = rest.get(user, "/engine-rest/execution/no-such-execution" + path);

      assertThat(reply.status()).as("%s: %s", path, reply.body()).isEqualTo(404);
      assertClearChinese(reply);
      assertThat(reply.text("message")).contains("no-such-execution").contains("不存在");
    }
  }

  @Test
  void statisticsOfAnUnknownDecisionRequirementsDefinitionAre404() {
    Reply reply = rest.get("admin", "/engine-rest/history/decision-requirements-definition/no-such-drd/statistics");

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(404);
    assertClearChinese(reply);
    assertThat(reply.text("message")).contains("no-such-drd");
  }

  @Test
  void aModelWithADoctypeIsRefusedAndNothingIsDeployed() {
    long deployments = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Long.class);
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE definitions [<!ENTITY secret SYSTEM"
        + " \"file:///etc/passwd\">]><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " targetNamespace=\"http://wuzhou.gov.cn/test\"><process id=\"withDoctype\" isExecutable=\"true\">"
        + "<documentation>&secret;</documentation><startEvent id=\"start\"/></process></definitions>";

    Reply reply = rest.deploy("admin", "/engine-rest", "带 DOCTYPE 的流程",
        List.of(new FilePart("withDoctype.bpmn", "application/octet-stream", bpmn.getBytes(StandardCharsets.UTF_8))));

    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(400);
    assertClearChinese(reply);
    assertThat(reply.text("message")).contains("DOCTYPE");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Long.class)).isEqualTo(deployments);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/engine/"})
  void theListOfEnginesNeedsALogin(String path) {
    assertThat(rest.get(null, path).status()).isEqualTo(401);
    Reply listed = rest.get("commerce-clerk", path);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body().findValuesAsText("name")).contains("default");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/metrics/activity-instance-start/sum", "/metrics/process-instances/sum",
      "/metrics?name=activity-instance-start", "/engine/default/metrics/activity-instance-start/sum"})
  void theEngineWideMetricsAreForAdministrators(String path) {
    Reply refused = rest.get("commerce-clerk", "/engine-rest" + path);
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(403);
    assertClearChinese(refused);
    assertThat(rest.get(null, "/engine-rest" + path).status()).isEqualTo(401);

    assertThat(rest.get("admin", "/engine-rest" + path).status()).isEqualTo(200);
  }

  @Test
  void theWebappsEngineApiKeepsTheMetricsFromClerksToo() {
    WebappSession clerk = WebappSession.login(port, "commerce-clerk");

    assertThat(clerk.engine("GET", "/metrics/activity-instance-start/sum", null).status()).isEqualTo(403);
  }

  private static void assertClearChinese(Reply reply) {
    assertThat(reply.body().isObject()).as("a JSON object: %s", reply.body()).isTrue();
    assertThat(reply.text("message")).containsPattern("\\p{IsHan}").doesNotContain("org.", "java.", "Exception");
  }
}
