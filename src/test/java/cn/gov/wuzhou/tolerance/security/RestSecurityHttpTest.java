package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

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
}
