package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import cn.gov.wuzhou.tolerance.support.TestUsers;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The password policy outside prod too: a new or changed password meets it; the demo identities keep theirs. */
@HttpTest
class PasswordPolicyHttpTest {

  static final String CLERK = "policy-clerk";
  static final String STRONG = "Wz!2026-Jiucuo";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  Rest rest;

  @BeforeEach
  void clerk() {
    rest = new Rest(port);
    User user = identityService.newUser(CLERK);
    user.setPassword(Rest.PASSWORD);
    TestUsers.save(identityService, user);
  }

  @AfterEach
  void noClerk() {
    identityService.deleteUser(CLERK);
  }

  @Test
  void aWeakPasswordIsRefusedWithTheRulesAndTheOldOneStays() {
    Reply refused = rest.send(CLERK, "PUT", "/engine-rest/user/" + CLERK + "/credentials",
        Map.of("password", "1", "authenticatedUserPassword", Rest.PASSWORD));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("message")).startsWith("密码不符合密码策略").contains("至少 10 个字符");
    assertThat(refused.text("field")).isEqualTo("password");
    assertThat(identityService.checkPassword(CLERK, Rest.PASSWORD)).isTrue();
    assertThat(identityService.checkPassword(CLERK, "1")).isFalse();
  }

  @Test
  void aStrongPasswordIsTakenAndTheDemoIdentitiesKeepTheirs() {
    assertThat(rest.send(CLERK, "PUT", "/engine-rest/user/" + CLERK + "/credentials",
        Map.of("password", STRONG, "authenticatedUserPassword", Rest.PASSWORD)).status()).isEqualTo(204);

    assertThat(rest.get(CLERK, STRONG, "/engine-rest/version").status()).isEqualTo(200);
    assertThat(rest.get("commerce-clerk", "/engine-rest/version").status()).isEqualTo(200);
  }

  @Test
  void aNewUserWithAWeakPasswordIsRefused() {
    Reply refused = rest.post("admin", "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "weak-clerk", "firstName", "弱", "lastName", "密码"),
        "credentials", Map.of("password", "demo")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("message")).startsWith("密码不符合密码策略");
    assertThat(identityService.createUserQuery().userId("weak-clerk").count()).isZero();
  }
}
