package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import cn.gov.wuzhou.tolerance.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One unit's open cases are not counted for another unit, in the engine API nor in Cockpit's. */
@HttpTest
class StatisticsScopeHttpTest {

  static final String STATISTICS = "/process-definition/statistics";
  static final String COCKPIT_STATISTICS = "/cockpit/plugin/base/default/process-definition/statistics";

  @LocalServerPort int port;
  Rest rest;

  @BeforeEach
  void aCommercePrefilingIsOpen() {
    rest = new Rest(port);
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/prefiling/start", Rest.withVariables(
        Map.of("planTitle", "试点", "planSummary", "摘要", "workCategory", "KEY_REFORM", "innovationNature", "EXPLORATORY",
            "riskAssessment", "评估", "plannedStart", "2030-12-01", "filingAuthority", "discipline-inspection")));
    assertThat(started.status()).isEqualTo(200);
  }

  @Test
  void anotherUnitsClerkCountsNoneOfThem() {
    assertThat(openInstances(rest.get("tengxian-clerk", "/engine-rest" + STATISTICS).body())).isZero();
    assertThat(openInstances(WebappSession.login(port, "tengxian-clerk").engine("GET", STATISTICS, null).body())).isZero();
  }

  @Test
  void administratorsStillSeeTheCityWideCounts() {
    assertThat(openInstances(rest.get("admin", "/engine-rest" + STATISTICS).body())).isPositive();
    assertThat(openInstances(WebappSession.login(port, "admin").get(COCKPIT_STATISTICS).body())).isPositive();
  }

  @Test
  void cockpitsApiIsForCockpitUsers() {
    Reply reply = WebappSession.login(port, "tengxian-clerk").get(COCKPIT_STATISTICS);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(openInstances(reply.body())).isZero();
  }

  private static long openInstances(JsonNode statistics) {
    long instances = 0;
    for (JsonNode definition : statistics) {
      instances += definition.path("instances").asLong();
    }
    return instances;
  }
}
