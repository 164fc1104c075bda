package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.FromAddress;
import cn.gov.wuzhou.tolerance.support.TestUsers;
import cn.gov.wuzhou.tolerance.support.FromAddress.Response;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Someone guesses a clerk's password from one machine: that machine is made to wait, the clerk
 * at her own desk logs in at once, and no number of wrong passwords locks the account for good. However the
 * credentials are spelled, and whichever way in, the one password check counts them.
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
    TestUsers.save(identityService, user);
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

  /**
   * HTTP Basic as Camunda decodes it, leniently: characters outside base64 are skipped, padding may be missing, the
   * URL-safe alphabet is taken too. Each spelling is the same account and password, counted as one.
   */
  enum Spelling {
    PLAIN(header -> header),
    STRAY_DOT_AFTER_FOURTH(header -> header.substring(0, 4) + "." + header.substring(4)),
    STARS_AND_TABS(header -> header.substring(0, 2) + "*\t*" + header.substring(2, 7) + "**" + header.substring(7)),
    NO_PADDING(header -> header.replace("=", "")),
    URL_SAFE_ALPHABET(header -> header.replace('+', '-').replace('/', '_'));

    private final UnaryOperator<String> respell;

    Spelling(UnaryOperator<String> respell) {
      this.respell = respell;
    }

    String header(String user, String password) {
      String base64 = FromAddress.basic(user, password).substring("Basic ".length());
      return "Basic " + respell.apply(base64);
    }
  }

  @ParameterizedTest
  @EnumSource(Spelling.class)
  void everySpellingOfBasicThatCamundaAcceptsIsCountedAsTheSameAccount(Spelling spelling) {
    FromAddress attacker = new FromAddress("127.0.1." + (10 + spelling.ordinal()), port);
    // a password whose base64 has '+' and '/', so that the URL-safe spelling differs from the plain one
    String guess = "??>>~~";
    for (int i = 0; i < 6; i++) {
      assertThat(basic(attacker, spelling.header(OWNER, guess + i)).status()).as("guess %s", i).isEqualTo(401);
    }

    assertThat(basic(attacker, spelling.header(OWNER, PASSWORD)).status())
        .as("the right password in that spelling waits").isEqualTo(429);
    assertThat(basic(attacker, Spelling.PLAIN.header(OWNER, PASSWORD)).status())
        .as("and so does the plain one").isEqualTo(429);
    assertThat(basic(new FromAddress("127.0.2." + (10 + spelling.ordinal()), port), spelling.header(OWNER, PASSWORD))
        .status()).as("the owner from another address").isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "user%6eame   | application/x-www-form-urlencoded",
      "username     | APPLICATION/X-WWW-FORM-URLENCODED",
      "%75sername   | Application/X-Www-Form-Urlencoded; charset=UTF-8"})
  void theWebappsLoginFormIsThrottledHoweverItsFieldsAreSpelled(String userField, String contentType) {
    WebappLogin attacker = new WebappLogin(new FromAddress("127.0.3." + (userField.length() + contentType.length()), port));
    for (int i = 0; i < 6; i++) {
      assertThat(attacker.login(userField, contentType, OWNER, "guess-" + i).status()).isEqualTo(401);
    }

    Response refused = attacker.login(userField, contentType, OWNER, PASSWORD);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotNull();
    assertThat(refused.body()).contains("秒后再试");
    assertThat(attacker.login(OWNER, PASSWORD).status()).as("the plain form from there waits too").isEqualTo(429);
    assertThat(new WebappLogin(new FromAddress("127.0.4.1", port)).login(userField, contentType, OWNER, PASSWORD)
        .status()).isEqualTo(200);
  }

  @Test
  void theWebappsLoginAndHttpBasicCountTogether() {
    FromAddress attacker = new FromAddress("127.0.5.1", port);
    WebappLogin form = new WebappLogin(attacker);
    for (int i = 0; i < 3; i++) {
      assertThat(form.login(OWNER, "guess-" + i).status()).isEqualTo(401);
      assertThat(attacker.getAs(OWNER, "guess-" + i, "/engine-rest/version").status()).isEqualTo(401);
    }

    assertThat(attacker.getAs(OWNER, PASSWORD, "/engine-rest/version").status()).isEqualTo(429);
    assertThat(form.login(OWNER, PASSWORD).status()).isEqualTo(429);
  }

  private static Response basic(FromAddress client, String authorization) {
    return client.send("GET", "/engine-rest/version", Map.of("Authorization", authorization), null);
  }

  /** Tasklist's login: a session and its CSRF token first, then the form. */
  record WebappLogin(FromAddress client) {
    Response login(String user, String password) {
      return login("username", "application/x-www-form-urlencoded", user, password);
    }

    Response login(String userField, String contentType, String user, String password) {
      Response start = client.send("GET", "/camunda/api/admin/auth/user/default", Map.of(), null);
      String cookies = start.headers("Set-Cookie").stream().map(cookie -> cookie.split(";")[0])
          .collect(Collectors.joining("; "));
      return client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", Map.of(
              "Cookie", cookies,
              "X-XSRF-TOKEN", start.header("X-XSRF-TOKEN"),
              "Content-Type", contentType),
          userField + "=" + user + "&password=" + password);
    }
  }
}
