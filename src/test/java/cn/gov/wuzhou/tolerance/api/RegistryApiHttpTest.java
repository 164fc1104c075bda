package cn.gov.wuzhou.tolerance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.registry.ConsultationRecord;
import cn.gov.wuzhou.tolerance.registry.ConsultationRegistry;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Findings;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Rules;
import cn.gov.wuzhou.tolerance.registry.PrefilingRecord;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import cn.gov.wuzhou.tolerance.common.Department;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.RegistrySeed;
import cn.gov.wuzhou.tolerance.support.TestUsers;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The registry read API over real HTTP. Records are written straight into the registry (decisions and notices of
 * cases that never ran: {@link RegistrySeed}), in 2019 so the statistics of this test count nothing the other tests
 * create.
 */
@HttpTest
class RegistryApiHttpTest {

  static final LocalDate DAY = LocalDate.of(2019, 6, 3);

  @LocalServerPort int port;
  @Autowired PrefilingRegistry prefilings;
  @Autowired ProtectionRegistry protections;
  @Autowired ConsultationRegistry consultations;
  @Autowired IdentityService identityService;
  @Autowired ApplicationContext context;
  Rest rest;
  RegistrySeed seed;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    seed = new RegistrySeed(context);
  }

  @Test
  void unitReadsItsOwnPrefilingOthersGet404OversightReadsAll() {
    String number = prefiling("unit-commerce");

    Reply own = rest.get("commerce-clerk", "/api/prefilings/" + number);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.text("unitName")).isEqualTo("市商务局");
    assertThat(own.body().path("innovationNature").path("label").asText()).isEqualTo("突破性");
    assertThat(own.text("plannedStart")).isEqualTo("2019-07-01");

    assertThat(rest.get("tengxian-clerk", "/api/prefilings/" + number).status()).isEqualTo(404);
    assertThat(rest.get("paizhu", "/api/prefilings/" + number).status()).isEqualTo(200);
  }

  @Test
  void aUnitListsItsOwnFilingsByNumberAndTitleToNameOneInACase() {
    String number = prefiling("unit-commerce");

    Reply own = rest.get("commerce-clerk", "/api/prefilings?unitGroup=unit-commerce");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body().findValuesAsText("prefilingNo")).contains(number);
    assertThat(own.body()).allSatisfy(filing -> assertThat(filing.path("unitGroup").asText()).isEqualTo("unit-commerce"))
        .anySatisfy(filing -> assertThat(filing.path("planTitle").asText()).isNotBlank());
    assertThat(rest.get("tengxian-clerk", "/api/prefilings?unitGroup=unit-commerce").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/prefilings/WZBA-19-1", "/api/decisions/WZBA-2019-0001", "/api/decisions?size=101",
      "/api/decisions?page=-1", "/api/decisions?page=first", "/api/protections", "/api/protections?officialId=",
      "/api/consultations?level=guilin", "/api/stats?from=2019-02-30", "/api/stats?from=2019-12-31&to=2019-01-01"})
  void malformedRequestsGet400WithAJsonMessage(String path) {
    Reply reply = rest.get("jiwei", path);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("status").asInt()).isEqualTo(400);
    assertThat(reply.text("message")).isNotBlank();
    assertThat(reply.body().has("trace")).isFalse();
  }

  @Test
  void unknownNumbersAndPathsGet404AsJson() {
    assertThat(rest.get("jiwei", "/api/prefilings/WZBA-1990-0001").text("message")).contains("WZBA-1990-0001");
    assertThat(rest.get("jiwei", "/api/decisions/WZRC-1990-0001").status()).isEqualTo(404);
    Reply nowhere = rest.get("jiwei", "/api/nowhere");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.text("message")).contains("/api/nowhere");
  }

  @Test
  void writesAreNotOffered() {
    Reply reply = rest.post("jiwei", "/api/decisions", java.util.Map.of());

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.text("message")).contains("POST");
  }

  @Test
  void decisionsByNumberCaseAndOfficialWithinTheCallersScope() {
    String official = official();
    DecisionRecord first = decision("unit-commerce", official, "TOLERATE");
    decision("unit-commerce", official, "MITIGATE");

    Reply byNumber = rest.get("commerce-clerk", "/api/decisions/" + first.decisionNo());
    assertThat(byNumber.status()).isEqualTo(200);
    assertThat(byNumber.body().path("determination").path("label").asText()).isEqualTo("容错免责");
    assertThat(byNumber.body().path("circumstance").path("code").asText()).isEqualTo("KEY_WORK");
    assertThat(rest.get("tengxian-clerk", "/api/decisions/" + first.decisionNo()).status()).isEqualTo(404);

    JsonNode byCase = rest.get("wenze", "/api/decisions?processInstanceId=" + first.processInstanceId()).body();
    assertThat(byCase.path("total").asLong()).isEqualTo(1);
    assertThat(byCase.path("items").get(0).path("decisionNo").asText()).isEqualTo(first.decisionNo());

    JsonNode firstPage = rest.get("commerce-clerk", "/api/decisions?officialId=" + official + "&size=1").body();
    assertThat(firstPage.path("total").asLong()).isEqualTo(2);
    assertThat(firstPage.path("items")).hasSize(1);
    JsonNode secondPage = rest.get("commerce-clerk", "/api/decisions?officialId=" + official + "&size=1&page=1").body();
    assertThat(secondPage.path("items").get(0).path("decisionNo").asText())
        .isNotEqualTo(firstPage.path("items").get(0).path("decisionNo").asText());

    assertThat(rest.get("tengxian-clerk", "/api/decisions?officialId=" + official).body().path("total").asLong())
        .isZero();
  }

  @Test
  void decisionsByTheOfficialsExactNameWithinTheCallersScope() {
    String name = "覃" + UUID.randomUUID().toString().substring(0, 6);
    DecisionRecord own = decision("unit-commerce", official(), "TOLERATE", name);
    decision("unit-tengxian-agri", official(), "TOLERATE", name);

    JsonNode byName = rest.get("commerce-clerk", "/api/decisions?officialName=" + name).body();
    assertThat(byName.path("total").asLong()).isEqualTo(1);
    assertThat(byName.path("items").get(0).path("decisionNo").asText()).isEqualTo(own.decisionNo());
    assertThat(rest.get("zuzhi", "/api/decisions?officialName=" + name).body().path("total").asLong()).isEqualTo(2);
    assertThat(rest.get("zuzhi", "/api/decisions?officialName=" + name.substring(0, 3)).body().path("total").asLong())
        .as("a part of the name finds nobody").isZero();
  }

  @Test
  void statisticsCountTheDecisionsOfEveryMonthOfThePeriod() {
    decision("unit-commerce", official(), "TOLERATE");
    String year2019 = "/api/stats?from=2019-01-01&to=2019-12-31";

    JsonNode months = rest.get("shiwei", year2019).body().path("decidedByMonth");

    assertThat(months).hasSize(12);
    assertThat(months.get(0).path("code").asText()).isEqualTo("2019-01");
    assertThat(months.get(5).path("label").asText()).isEqualTo("2019年6月");
    assertThat(months.get(5).path("count").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(months.get(0).path("count").asLong()).isZero();
    JsonNode ownUnit = rest.get("tengxian-clerk", "/api/stats?from=2019-06-01&to=2019-06-30").body();
    long decided = 0;
    for (JsonNode determination : ownUnit.path("decidedByDetermination")) {
      decided += determination.path("count").asLong();
    }
    assertThat(ownUnit.path("decidedByMonth")).hasSize(1);
    assertThat(ownUnit.path("decidedByMonth").get(0).path("count").asLong()).as("only its own unit's").isEqualTo(decided);
  }

  @Test
  void organizationDepartmentChecksWhatAnOfficialIsProtectedIn() {
    String official = official();
    DecisionRecord tolerated = decision("unit-commerce", official, "TOLERATE");
    seed.notices(tolerated.processInstanceId(), DAY, Arrays.asList(ProtectedMatter.values()));
    protections.acknowledge(tolerated.decisionNo(), Department.ORGANIZATION, "zuzhi", DAY.plusDays(1));

    JsonNode notices = rest.get("zuzhi", "/api/protections?officialId=" + official).body();

    assertThat(notices.path("total").asLong()).isEqualTo(10);
    assertThat(notices.path("items").findValuesAsText("label")).contains("年度考核", "选拔任用", "后备干部资格");
    JsonNode annual = findMatter(notices, "ANNUAL_ASSESSMENT");
    assertThat(annual.path("decisionNo").asText()).isEqualTo(tolerated.decisionNo());
    assertThat(annual.path("acknowledgements").findValuesAsText("code")).containsExactly("HR", "ORGANIZATION");
    assertThat(annual.path("acknowledgements").get(1).path("by").asText()).isEqualTo("zuzhi");
    assertThat(annual.path("acknowledgements").get(1).path("byName").asText()).isEqualTo("市委组织部 干部");
    assertThat(annual.path("acknowledgements").get(0).path("on").isNull()).as("HR has not taken note yet").isTrue();
    assertThat(rest.get("tengxian-clerk", "/api/protections?officialId=" + official).body().path("total").asLong())
        .isZero();
    assertThat(rest.get("zuzhi", "/api/protections?officialId=nobody").body().path("items")).isEmpty();
  }

  @Test
  void countyBodiesReadOnlyTheirOwnConsultations() {
    String tengxian = consultation("tengxian", "藤县");
    String cenxi = consultation("cenxi", "岑溪市");
    User member = identityService.newUser("tengxian-jw-" + System.nanoTime() % 100000);
    member.setPassword(Rest.PASSWORD);
    TestUsers.save(identityService, member);
    identityService.createMembership(member.getId(), "tengxian-discipline-inspection");

    JsonNode county = rest.get(member.getId(), "/api/consultations?size=100").body();
    assertThat(county.path("items").findValuesAsText("consultationNo")).contains(tengxian).doesNotContain(cenxi);
    assertThat(rest.get(member.getId(), "/api/consultations?level=cenxi").body().path("total").asLong()).isZero();
    JsonNode city = rest.get("jiwei", "/api/consultations?level=CENXI").body();
    assertThat(city.path("items").findValuesAsText("consultationNo")).contains(cenxi);
    assertThat(city.path("items").get(0).path("level").path("label").asText()).isEqualTo("岑溪市");
    assertThat(rest.get("commerce-clerk", "/api/consultations").body().path("total").asLong()).isZero();
    identityService.deleteUser(member.getId());
  }

  @Test
  void statisticsCountByDeterminationCircumstanceAndLevelWithinScope() {
    decision("unit-commerce", official(), "TOLERATE");
    decision("unit-commerce", official(), "NOT_TOLERATE");
    decision("unit-tengxian-agri", official(), "TOLERATE");
    String year2019 = "/api/stats?from=2019-01-01&to=2019-12-31";

    JsonNode all = rest.get("shiwei", year2019).body();
    assertThat(count(all, "decidedByDetermination", "TOLERATE")).isGreaterThanOrEqualTo(2);
    assertThat(count(all, "decidedByLevel", "tengxian")).isGreaterThanOrEqualTo(1);
    assertThat(count(all, "decidedByLevel", "CITY")).isGreaterThanOrEqualTo(2);
    assertThat(count(all, "decidedByCircumstance", "KEY_WORK")).isGreaterThanOrEqualTo(3);
    assertThat(all.has("overdueCorrections")).isTrue();

    JsonNode ownUnit = rest.get("tengxian-clerk", year2019).body();
    assertThat(count(ownUnit, "decidedByLevel", "CITY")).isZero();
    assertThat(count(ownUnit, "decidedByDetermination", "NOT_TOLERATE")).isZero();
    assertThat(count(ownUnit, "decidedByDetermination", "TOLERATE"))
        .isEqualTo(count(ownUnit, "decidedByLevel", "tengxian"));
  }

  @Test
  void statisticsCountTheEngineCasesAlsoForCallersWithoutHistoryRights() {
    String today = "/api/stats?from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);
    long before = rest.get("shiwei", today).body().path("openedCases").asLong();
    long otherUnitOpen = rest.get("tengxian-clerk", today).body().path("openCases").asLong();
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(cn.gov.wuzhou.tolerance.support.CaseDriver.validReport(LocalDate.now())));
    assertThat(started.status()).isEqualTo(200);

    JsonNode after = rest.get("shiwei", today).body();
    assertThat(after.path("openedCases").asLong()).isEqualTo(before + 1);
    assertThat(after.path("openCases").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(rest.get("tengxian-clerk", today).body().path("openCases").asLong()).isEqualTo(otherUnitOpen);
  }

  @Test
  void openApiDescribesTheReadApi() {
    Reply docs = new Rest(port).get(null, "/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().path("paths").has("/api/protections")).isTrue();
    assertThat(docs.body().path("paths").has("/api/decisions/{decisionNo}")).isTrue();
    assertThat(docs.body().path("components").path("securitySchemes").has("basic")).isTrue();
  }

  private static long count(JsonNode stats, String list, String code) {
    for (JsonNode entry : stats.path(list)) {
      if (entry.path("code").asText().equals(code)) {
        return entry.path("count").asLong();
      }
    }
    return 0;
  }

  private static JsonNode findMatter(JsonNode page, String matter) {
    for (JsonNode item : page.path("items")) {
      if (item.path("matter").path("code").asText().equals(matter)) {
        return item;
      }
    }
    throw new AssertionError("no notice for " + matter);
  }

  private static String official() {
    return "WZ-" + UUID.randomUUID().toString().substring(0, 18);
  }

  private String prefiling(String unitGroup) {
    return prefilings.register(new PrefilingRecord(null, "api-" + UUID.randomUUID(), unitGroup, "市商务局", "试点",
        "摘要", "KEY_REFORM", "BREAKTHROUGH", "评估", DAY.plusDays(28), "discipline-inspection", DAY, "jiwei", null));
  }

  private DecisionRecord decision(String unitGroup, String officialId, String determination) {
    return decision(unitGroup, officialId, determination, "李明");
  }

  private DecisionRecord decision(String unitGroup, String officialId, String determination, String officialName) {
    DecisionRecord record = new DecisionRecord(null, "api-" + UUID.randomUUID(), unitGroup, "某单位", officialId, officialName,
        "科长", "PARTY_GOV_ORGAN", "RURAL_REVITALIZATION", "KEY_WORK", "DEVIATION", DAY.minusDays(5), DAY.minusDays(4),
        null, false, true, true, false, determination, "依据", determination, "依据；审查意见", DAY,
        new Findings(true, true, false, false, false, null), DAY.minusDays(4), DAY.minusDays(1), null,
        new Rules("toleranceDetermination:1:x", 1));
    return seed.decision(record);
  }

  private String consultation(String level, String levelName) {
    return consultations.file(new ConsultationRecord(null, "api-" + UUID.randomUUID(), level, levelName, DAY, "简报",
        "纪检意见", "组织意见", "决定事项", null, "jiwei"));
  }
}
