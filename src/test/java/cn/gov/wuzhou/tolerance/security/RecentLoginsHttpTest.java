package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A login that succeeded a moment ago is not checked again, yet whatever changes who a login is takes effect with
 * the next request: a new password, a membership removed or given back, a deleted user. A wrong password, or the
 * same one spelled differently, is checked every time.
 */
@HttpTest
class RecentLoginsHttpTest {

  static final String CLERK = "recent-login-clerk";
  static final String UNIT = "unit-commerce";
  static final String STRONG = "Wz!2026-Denglu";
  // what the engine answers for the caller's groups as the login carries them: may this caller open a case?
  static final String MAY_START = "/engine-rest/authorization/check?permissionName=CREATE_INSTANCE"
      + "&resourceName=ProcessDefinition&resourceType=6&resourceId=toleranceCase";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  Rest rest;

  @BeforeEach
  void clerkOfTheUnit() {
    rest = new Rest(port);
    User user = identityService.newUser(CLERK);
    user.setPassword(Rest.PASSWORD);
    TestUsers.save(identityService, user);
    identityService.createMembership(CLERK, UNIT);
  }

  @AfterEach
  void noClerk() {
    identityService.deleteUser(CLERK);
  }

  @Test
  void aChangedPasswordHoldsWithTheNextRequest() {
    assertThat(rest.get(CLERK, "/engine-rest/version").status()).isEqualTo(200);

    assertThat(rest.send(CLERK, "PUT", "/engine-rest/user/" + CLERK + "/credentials",
        Map.of("password", STRONG, "authenticatedUserPassword", Rest.PASSWORD)).status()).isEqualTo(204);

    assertThat(rest.get(CLERK, "/engine-rest/version").status()).as("the old password").isEqualTo(401);
    assertThat(rest.get(CLERK, STRONG, "/engine-rest/version").status()).isEqualTo(200);
  }

  @Test
  void aMembershipRemovedOrGivenBackHoldsWithTheNextRequest() {
    assertThat(rest.get(CLERK, MAY_START).body().path("authorized").asBoolean()).as("a clerk of the unit").isTrue();

    identityService.deleteMembership(CLERK, UNIT);
    assertThat(rest.get(CLERK, MAY_START).body().path("authorized").asBoolean()).as("no longer of the unit").isFalse();

    identityService.createMembership(CLERK, UNIT);
    assertThat(rest.get(CLERK, MAY_START).body().path("authorized").asBoolean()).isTrue();
  }

  @Test
  void aDeletedUserIsRefusedWithTheNextRequest() {
    assertThat(rest.get(CLERK, "/engine-rest/version").status()).isEqualTo(200);

    assertThat(rest.send("admin", "DELETE", "/engine-rest/user/" + CLERK, null).status()).isEqualTo(204);

    assertThat(rest.get(CLERK, "/engine-rest/version").status()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordOrAnotherSpellingIsCheckedEveryTime() throws Exception {
    assertThat(rest.get(CLERK, "/engine-rest/version").status()).isEqualTo(200);

    assertThat(rest.get(CLERK, "wrong-password", "/engine-rest/version").status()).isEqualTo(401);
    assertThat(withHeader("Basic  " + base64(CLERK + ":wrong-password"))).as("a wrong password spelled otherwise")
        .isEqualTo(401);
    assertThat(withHeader("basic " + base64(CLERK + ":" + Rest.PASSWORD))).as("the right one spelled otherwise")
        .isEqualTo(401);
    assertThat(withHeader("Basic " + base64(CLERK + ":" + Rest.PASSWORD))).isEqualTo(200);
  }

  private static String base64(String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private int withHeader(String authorization) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/version"))
        .header("Authorization", authorization).GET().build(), BodyHandlers.discarding()).statusCode();
  }
}
