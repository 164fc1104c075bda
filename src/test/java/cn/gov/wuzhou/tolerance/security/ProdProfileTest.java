package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.wuzhou.tolerance.ToleranceApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile: no demo identities, the administrator's password from TOLERANCE_ADMIN_PASSWORD,
 * secure cookies. Its engines have names of their own, not to stand in for the other tests' engines.
 */
@SpringBootTest(properties = {
    "camunda.bpm.process-engine-name=prodProfile",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:prod-profile;DB_CLOSE_DELAY=-1",
    "TOLERANCE_ADMIN_PASSWORD=Wz!2026-admin"})
@ActiveProfiles("prod")
class ProdProfileTest {

  @Autowired IdentityService identityService;
  @Value("${server.servlet.session.cookie.secure}") boolean secureSessionCookie;
  @Value("${camunda.bpm.webapp.session-cookie.enable-secure-cookie}") boolean secureWebappCookie;

  @Test
  void createsOnlyTheAdministratorWithTheGivenPassword() {
    assertThat(identityService.createUserQuery().list()).extracting(user -> user.getId()).containsExactly("admin");
    assertThat(identityService.checkPassword("admin", "Wz!2026-admin")).isTrue();
    assertThat(identityService.checkPassword("admin", "demo")).isFalse();
    assertThat(identityService.createGroupQuery().groupId("unit-commerce").count()).isEqualTo(1);
  }

  @Test
  void cookiesAreSecure() {
    assertThat(secureSessionCookie).isTrue();
    assertThat(secureWebappCookie).isTrue();
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
