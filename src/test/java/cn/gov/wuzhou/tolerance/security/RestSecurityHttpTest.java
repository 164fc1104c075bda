package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.FromAddress;
import cn.gov.wuzhou.tolerance.support.FromAddress.Response;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@HttpTest
class RestSecurityHttpTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/user",
      "/engine-rest/history/process-instance", "/api/prefilings/WZBA-2026-0001"})
  void anonymousCallsGet401WithAChallenge(String path) {
    Reply reply = new Rest(port).get(null, path);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.text("message")).contains("登录");
  }

  @Test
  void wrongPasswordGets401() {
    Reply reply = new Rest(port).get("jiwei", "wrong", "/engine-rest/task");

    assertThat(reply.status()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-instance/unknown/variables", "/api/stats"})
  void answersAreNeitherSniffedNorKept(String path) {
    Response response = new FromAddress("127.0.0.1", port).getAs("jiwei", Rest.PASSWORD, path);

    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.headers("Cache-Control")).containsExactly("no-store");
    assertThat(response.header("Strict-Transport-Security")).as("HTTPS only under prod").isNull();
  }
}
