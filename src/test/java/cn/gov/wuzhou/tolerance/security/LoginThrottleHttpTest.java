package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.FromAddress;
import cn.gov.wuzhou.tolerance.support.FromAddress.Response;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Someone guesses a clerk's password from one machine: that machine is made to wait, the clerk
 * at her own desk logs in at once, and no number of wrong passwords locks the account for good.
 */
@HttpTest
class LoginThrottleHttpTest {

  static final String OWNER = "throttle-owner";
  static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @BeforeEach
  void owner() {
    User user = identityService.newUser(OWNER);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(OWNER, "justice-bureau");
  }

  @AfterEach
  void noOwner() {
    identityService.deleteUser(OWNER);
  }

  @Test
  void theGuessingMachineWaitsWhileTheOwnerLogsInAtOnceFromHerOwn() {
    FromAddress attacker = new FromAddress("127.0.0.2", port);
    for (int i = 0; i < 6; i++) {
      assertThat(attacker.getAs(OWNER, "guess-" + i, "/engine-rest/version").status()).isEqualTo(401);
    }

    Response refused = attacker.getAs(OWNER, "guess-6", "/engine-rest/version");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
    assertThat(refused.header("Content-Type")).startsWith("application/json");
    assertThat(refused.body()).contains("秒后再试");
    assertThat(attacker.getAs(OWNER, PASSWORD, "/engine-rest/version").status())
        .as("while it waits, not even the right password is checked from there").isEqualTo(429);
    assertThat(attacker.getAs(OWNER, PASSWORD, "/api/decisions/WZRC-2026-0001").status())
        .as("the registry API counts the same").isEqualTo(429);

    assertThat(new FromAddress("127.0.0.3", port).getAs(OWNER, PASSWORD, "/engine-rest/version").status())
        .isEqualTo(200);
    assertThat(new Rest(port).get(OWNER, PASSWORD, "/engine-rest/version").status()).isEqualTo(200);
  }

  @Test
  void theWaitEndsAndTheRightPasswordThenStartsAfresh() throws InterruptedException {
    FromAddress attacker = new FromAddress("127.0.0.4", port);
    for (int i = 0; i < 6; i++) {
      attacker.getAs(OWNER, "guess-" + i, "/engine-rest/version");
    }
    Response refused = attacker.getAs(OWNER, PASSWORD, "/engine-rest/version");
    assertThat(refused.status()).isEqualTo(429);

    Thread.sleep(Integer.parseInt(refused.header("Retry-After")) * 1000L);

    assertThat(attacker.getAs(OWNER, PASSWORD, "/engine-rest/version").status()).isEqualTo(200);
    assertThat(attacker.getAs(OWNER, "guess-7", "/engine-rest/version").status())
        .as("counting starts again from zero").isEqualTo(401);
  }

  @Test
  void wrongPasswordsFromManyMachinesNeverLockTheAccount() {
    // the engine's own lockout refused even the right password for a while after one failure,
    // and for good after the tenth
    for (int host = 10; host < 22; host++) {
      assertThat(new FromAddress("127.0.0." + host, port).getAs(OWNER, "guess", "/engine-rest/version").status())
          .isEqualTo(401);
    }

    assertThat(new Rest(port).get(OWNER, PASSWORD, "/engine-rest/version").status()).isEqualTo(200);
  }

  @Test
  void theWebappsLoginFormIsThrottledAlike() {
    WebappLogin attacker = new WebappLogin(new FromAddress("127.0.0.5", port));
    for (int i = 0; i < 6; i++) {
      assertThat(attacker.login(OWNER, "guess-" + i).status()).isEqualTo(401);
    }

    Response refused = attacker.login(OWNER, PASSWORD);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotNull();

    assertThat(new WebappLogin(new FromAddress("127.0.0.6", port)).login(OWNER, PASSWORD).status()).isEqualTo(200);
  }

  /** Tasklist's login: a session and its CSRF token first, then the form. */
  record WebappLogin(FromAddress client) {
    Response login(String user, String password) {
      Response start = client.send("GET", "/camunda/api/admin/auth/user/default", Map.of(), null);
      String cookies = start.headers("Set-Cookie").stream().map(cookie -> cookie.split(";")[0])
          .collect(Collectors.joining("; "));
      return client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", Map.of(
              "Cookie", cookies,
              "X-XSRF-TOKEN", start.header("X-XSRF-TOKEN"),
              "Content-Type", "application/x-www-form-urlencoded"),
          "username=" + user + "&password=" + password);
    }
  }
}
