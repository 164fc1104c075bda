package cn.gov.wuzhou.tolerance.prefiling;

import static cn.gov.wuzhou.tolerance.support.Rest.withVariables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pre-filing worked through {@code /engine-rest} as the unit clerk and the reviewer would. */
@HttpTest
class PrefilingHttpTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Rest rest;
  Desk desk;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest);
  }

  @Test
  void clerkFilesReviewerReturnsUnitSupplementsReviewerRegisters() {
    String instanceId = start("commerce-clerk", Plans.valid()).text("id");

    desk.work("jiwei", "discipline-inspection", instanceId, "reviewPrefiling",
        Map.of("prefilingDecision", "RETURNED", "reviewComment", "请补充风险防控措施"));

    String supplement = desk.claim("commerce-clerk", "unit-commerce", instanceId, "supplementPrefiling");
    JsonNode shown = rest.get("commerce-clerk", "/engine-rest/task/" + supplement + "/form-variables").body();
    assertThat(shown.path("reviewComment").path("value").asText()).isEqualTo("请补充风险防控措施");
    desk.complete("commerce-clerk", supplement, Map.of("riskAssessment", "设专人跟踪补件，逾期即停办。"));

    desk.work("jiwei", "discipline-inspection", instanceId, "reviewPrefiling", Map.of("prefilingDecision", "REGISTERED"));

    String receipt = desk.claim("commerce-clerk", "unit-commerce", instanceId, "receivePrefilingReceipt");
    String prefilingNo = rest.get("commerce-clerk", "/engine-rest/task/" + receipt + "/form-variables").body()
        .path("prefilingNo").path("value").asText();
    desk.complete("commerce-clerk", receipt, Map.of());
    desk.awaitEnded("commerce-clerk", instanceId);
    assertThat(prefilingNo).matches("WZBA-\\d{4}-\\d{4}");
    assertThat(jdbc.queryForObject("SELECT risk_assessment FROM prefiling WHERE prefiling_no = ?",
        String.class, prefilingNo)).isEqualTo("设专人跟踪补件，逾期即停办。");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "planTitle, , 方案名称",
      "innovationNature, REVOLUTIONARY, 创新性质",
      "filingAuthority, municipal-party-committee, 备案机关",
      "plannedStart, 明年一月, 计划实施日期",
      "plannedStart, 2026-01-05, 计划实施日期",
      "unitGroup, unit-tengxian-agri, 备案单位"})
  void badStartIsRefusedNamingTheFieldAndCreatesNothing(String field, String value, String label) {
    long instances = count("SELECT COUNT(*) FROM ACT_HI_PROCINST");
    long jobs = count("SELECT COUNT(*) FROM ACT_RU_JOB");
    long authorizations = count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION");

    Reply reply = start("commerce-clerk", value == null ? Plans.without(field) : Plans.with(field, value));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text("field")).isEqualTo(field);
    assertThat(reply.text("message")).startsWith(label);
    assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST")).isEqualTo(instances);
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB")).isEqualTo(jobs);
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION")).isEqualTo(authorizations);
  }

  @Test
  void agencyWithoutAUnitCannotFileAPlan() {
    Reply reply = start("jiwei", Plans.valid());

    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void oneUnitSeesNeitherTheTasksNorTheVariablesOfAnother() {
    String instanceId = start("commerce-clerk", Plans.valid()).text("id");
    desk.work("jiwei", "discipline-inspection", instanceId, "reviewPrefiling",
        Map.of("prefilingDecision", "RETURNED", "reviewComment", "请补充"));
    String supplement = rest.get("commerce-clerk", "/engine-rest/task?processInstanceId=" + instanceId)
        .body().get(0).path("id").asText();

    assertThat(rest.get("tengxian-clerk", "/engine-rest/task?processInstanceId=" + instanceId).body()).isEmpty();
    assertThat(rest.get("tengxian-clerk", "/engine-rest/task/" + supplement).status()).isIn(403, 404);
    assertThat(rest.get("tengxian-clerk", "/engine-rest/task/" + supplement + "/variables").status()).isIn(403, 404);
    assertThat(rest.get("tengxian-clerk", "/engine-rest/process-instance/" + instanceId + "/variables").status())
        .isIn(403, 404);
    assertThat(rest.get("tengxian-clerk",
        "/engine-rest/history/variable-instance?processInstanceId=" + instanceId).body()).isEmpty();
    assertThat(rest.get("tengxian-clerk", "/engine-rest/history/process-instance?processInstanceId=" + instanceId)
        .body()).isEmpty();
    assertThat(rest.post("tengxian-clerk", "/engine-rest/task/" + supplement + "/claim",
        Map.of("userId", "tengxian-clerk")).status()).isEqualTo(403);

    assertThat(rest.get("commerce-clerk", "/engine-rest/process-instance/" + instanceId + "/variables")
        .body().path("planTitle").path("value").asText()).isEqualTo("重点招商项目容缺受理试点");
  }

  private Reply start(String user, Map<String, Object> plan) {
    return rest.post(user, "/engine-rest/process-definition/key/prefiling/start", withVariables(plan));
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
