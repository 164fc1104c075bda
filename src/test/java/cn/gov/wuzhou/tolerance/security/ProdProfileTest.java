package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.wuzhou.tolerance.ToleranceApplication;
import cn.gov.wuzhou.tolerance.support.FromAddress;
import cn.gov.wuzhou.tolerance.support.FromAddress.Response;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile: no demo identities, the administrator's password from TOLERANCE_ADMIN_PASSWORD,
 * secure cookies, HTTPS only, the API description behind the login, the password policy. Its engines
 * have names of their own, not to stand in for the other tests' engines: the engine API is addressed
 * by that name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.process-engine-name=prodProfile",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:prod-profile;DB_CLOSE_DELAY=-1",
    "TOLERANCE_ADMIN_PASSWORD=" + ProdProfileTest.ADMIN_PASSWORD})
@ActiveProfiles("prod")
class ProdProfileTest {

  static final String ADMIN_PASSWORD = "Wz!2026-Rongcuo";
  static final String ENGINE_REST = "/engine-rest/engine/prodProfile";

  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  @Test
  void createsOnlyTheAdministratorWithTheGivenPassword() {
    assertThat(identityService.createUserQuery().list()).extracting(user -> user.getId()).containsExactly("admin");
    assertThat(identityService.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
    assertThat(identityService.checkPassword("admin", "demo")).isFalse();
    assertThat(identityService.createGroupQuery().groupId("unit-commerce").count()).isEqualTo(1);
  }

  @Test
  void theWebappsCookiesTravelOverHttpsOnly() {
    Response start = webapp("/camunda/app/welcome/prodProfile/");

    assertThat(start.headers("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .singleElement().asString().contains("Secure");
    assertThat(start.headers("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .singleElement().asString().contains("Secure");
  }

  @Test
  void browsersAreToldToComeBackOverHttpsOnly() {
    assertThat(new FromAddress("127.0.0.1", port).getAs("admin", ADMIN_PASSWORD, ENGINE_REST + "/version")
        .header("Strict-Transport-Security")).startsWith("max-age=");
    assertThat(webapp("/camunda/app/welcome/prodProfile/").header("Strict-Transport-Security")).startsWith("max-age=");
  }

  @Test
  void theListOfEnginesNeedsALogin() {
    assertThat(new Rest(port).get(null, "/engine-rest/engine").status()).isEqualTo(401);
  }

  @Test
  void theApiDescriptionNeedsALogin() {
    Rest rest = new Rest(port);

    assertThat(rest.get(null, "/api-docs").status()).isEqualTo(401);
    Reply described = rest.get("admin", ADMIN_PASSWORD, "/api-docs");
    assertThat(described.status()).isEqualTo(200);
    assertThat(described.body().path("paths").has("/api/protections")).isTrue();
  }

  @Test
  void aPasswordAgainstThePolicyIsRefusedAndTheOldOneStays() {
    Reply refused = new Rest(port).send("admin", ADMIN_PASSWORD, "PUT", ENGINE_REST + "/user/admin/credentials",
        Map.of("password", "1", "authenticatedUserPassword", ADMIN_PASSWORD));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("message")).startsWith("密码不符合密码策略").contains("至少 10 个字符");
    assertThat(identityService.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
    assertThat(identityService.checkPassword("admin", "1")).isFalse();
  }

  @Test
  void refusesToStartWithAnAdministratorPasswordAgainstThePolicy() {
    SpringApplicationBuilder application = new SpringApplicationBuilder(ToleranceApplication.class)
        .profiles("prod")
        .properties(
            "camunda.bpm.process-engine-name=prodWeakPassword",
            "camunda.bpm.job-execution.enabled=false",
            "SPRING_DATASOURCE_URL=jdbc:h2:mem:prod-weak-password",
            "server.port=0",
            "TOLERANCE_ADMIN_PASSWORD=demo");

    assertThatThrownBy(application::run).hasStackTraceContaining("does not meet the password policy");
  }

  private Response webapp(String path) {
    return new FromAddress("127.0.0.1", port).send("GET", path, Map.of(), null);
  }

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    SpringApplicationBuilder application = new SpringApplicationBuilder(ToleranceApplication.class)
        .profiles("prod")
        .properties(
            "camunda.bpm.process-engine-name=prodWithoutPassword",
            "camunda.bpm.job-execution.enabled=false",
            "SPRING_DATASOURCE_URL=jdbc:h2:mem:prod-without-password",
            "server.port=0",
            "TOLERANCE_ADMIN_PASSWORD=");

    assertThatThrownBy(application::run).hasStackTraceContaining("TOLERANCE_ADMIN_PASSWORD must be set");
  }
}
