package cn.gov.wuzhou.tolerance.tolerancecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per row of {@code processes/tolerance-determination.dmn}, as a process owner reads the table. */
class ToleranceDeterminationTest {

  static DmnDecision decision;
  static DmnEngine engine;

  @BeforeAll
  static void parseTable() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream table = ToleranceDeterminationTest.class.getResourceAsStream("/processes/tolerance-determination.dmn")) {
      decision = engine.parseDecision("toleranceDetermination", table);
    }
  }

  /** A clean key-work case, reported and corrected in time: rule 4 tolerates it. */
  static Map<String, Object> cleanKeyWorkCase() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("circumstance", "KEY_WORK");
    facts.put("errorType", "DEVIATION");
    facts.put("prefiled", false);
    facts.put("actedInPublicInterest", true);
    facts.put("followedDecisionProcedure", true);
    facts.put("violatedDisciplineOrLaw", false);
    facts.put("subjectiveIntent", false);
    facts.put("personalGain", false);
    facts.put("nonCoreDocumentsOnly", null);
    facts.put("reportedTimely", true);
    facts.put("correctedTimely", true);
    facts.put("correctionVerified", true);
    return facts;
  }

  static DmnDecisionResultEntries evaluate(Map<String, Object> facts) {
    return engine.evaluateDecision(decision, facts).getSingleResult();
  }

  static Map<String, Object> with(Object... namesAndValues) {
    Map<String, Object> facts = cleanKeyWorkCase();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      facts.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return facts;
  }

  static String recommendation(Map<String, Object> facts) {
    return evaluate(facts).getEntry("recommendation");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"violatedDisciplineOrLaw", "subjectiveIntent", "personalGain"})
  void rule1ABreachIntentOrGainIsNeverToleratedWhateverElseHolds(String finding) {
    var result = evaluate(with(finding, true, "prefiled", true, "circumstance", "SERVICE_INNOVATION",
        "errorType", "PROCEDURAL", "nonCoreDocumentsOnly", true));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("NOT_TOLERATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("违反党纪和法律法规、存在主观故意或谋取私利");
  }

  @Test
  void rule2WorkNotDoneInThePublicInterestIsNotTolerated() {
    var result = evaluate(with("actedInPublicInterest", false));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("NOT_TOLERATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("出于公心、担当尽责");
  }

  @Test
  void rule3AProceduralDeviationOverNonCoreDocumentsCorrectedInTimeIsTolerated() {
    var result = evaluate(with("circumstance", "SERVICE_INNOVATION", "errorType", "PROCEDURAL",
        "nonCoreDocumentsOnly", true, "followedDecisionProcedure", false, "reportedTimely", false));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("TOLERATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("先批后补");
    assertThat(recommendation(with("circumstance", "SERVICE_INNOVATION", "errorType", "PROCEDURAL",
        "nonCoreDocumentsOnly", false, "followedDecisionProcedure", false, "reportedTimely", false)))
        .as("core documents missing").isEqualTo("NOT_TOLERATE");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"KEY_WORK", "KEY_AREA", "SERVICE_INNOVATION"})
  void rule4AKeyCircumstanceWithProcedureReportedAndCorrectedInTimeIsTolerated(String circumstance) {
    var result = evaluate(with("circumstance", circumstance));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("TOLERATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("重点工作、重点领域");
  }

  @Test
  void rule4AMatchingPreFilingCountsLikeAKeyCircumstanceButALateReportDoesNot() {
    assertThat(recommendation(with("circumstance", "OTHER", "prefiled", true))).isEqualTo("TOLERATE");
    assertThat(recommendation(with("reportedTimely", false))).isEqualTo("MITIGATE");
  }

  @Test
  void rule5OtherWorkWithoutPreFilingButCleanIsMitigated() {
    var result = evaluate(with("circumstance", "OTHER"));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("MITIGATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("未事前备案").contains("减轻处理")
        .doesNotContain("从轻");
  }

  @Test
  void rule6ReportedAndCorrectedAtOnceWithoutTheDecisionProcedureIsMitigated() {
    var result = evaluate(with("followedDecisionProcedure", false));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("MITIGATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("即知即改");
  }

  @ParameterizedTest(name = "reported {0}, corrected {1}")
  @CsvSource({"true, false", "false, true"})
  void rule7ProcedureFollowedButOnlyOneOfReportAndCorrectionInTimeIsMitigated(boolean reported, boolean corrected) {
    var result = evaluate(with("reportedTimely", reported, "correctedTimely", corrected));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("MITIGATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("未能同时做到");
  }

  @Test
  void rule7ACorrectionNeverCompletedAndVerifiedGroundsNoMitigation() {
    // reported in time, the correction closed unverified after its deadline
    assertThat(recommendation(with("correctedTimely", false, "correctionVerified", false))).isEqualTo("NOT_TOLERATE");
    assertThat(recommendation(with("correctedTimely", false, "correctionVerified", null))).isEqualTo("NOT_TOLERATE");
    // verified, only late
    assertThat(recommendation(with("correctedTimely", false, "correctionVerified", true))).isEqualTo("MITIGATE");
  }

  @Test
  void aProceduralDeviationOnCoreDocumentsIsOutsidePreApprovalAndRule4AndAtMostMitigated() {
    Map<String, Object> coreDocuments = with("circumstance", "SERVICE_INNOVATION", "errorType", "PROCEDURAL",
        "nonCoreDocumentsOnly", false);

    var corrected = evaluate(coreDocuments);
    assertThat(corrected.<String>getEntry("recommendation")).as("即知即改").isEqualTo("MITIGATE");
    coreDocuments.put("reportedTimely", false);
    coreDocuments.put("correctedTimely", false);
    assertThat(recommendation(coreDocuments)).isEqualTo("NOT_TOLERATE");
    assertThat(recommendation(with("circumstance", "KEY_WORK", "errorType", "PROCEDURAL", "nonCoreDocumentsOnly", false)))
        .as("rule 4 in key work too").isEqualTo("MITIGATE");
  }

  @Test
  void theCitysOwnChoicesAreAnnotatedAsSuchApartFromTheSeedsWords() throws Exception {
    String table;
    try (InputStream in = ToleranceDeterminationTest.class.getResourceAsStream("/processes/tolerance-determination.dmn")) {
      table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (int rule = 5; rule <= 8; rule++) {
      assertThat(table).as("rule %d", rule).containsPattern("<rule id=\"rule" + rule + "\">\\s*<description>本市默认规则");
    }
    assertThat(table).containsPattern("<rule id=\"rule4\">\\s*<description>[^<]*本市默认规则：以第一时间报告错情");
  }

  @Test
  void rule8AnythingElseIsNotTolerated() {
    var neither = evaluate(with("reportedTimely", false, "correctedTimely", false));

    assertThat(neither.<String>getEntry("recommendation")).isEqualTo("NOT_TOLERATE");
    assertThat(neither.<String>getEntry("recommendationBasis")).contains("不符合");
    assertThat(recommendation(with("followedDecisionProcedure", false, "correctedTimely", false))).isEqualTo("NOT_TOLERATE");
  }

  @Test
  void theCitysOwnExamplesAreDecidedAsTheSeedSays() {
    // 招商引资 is work under 优化营商环境: a clean deviation there is tolerated like one under 优化营商环境
    assertThat(recommendation(with("circumstance", "SERVICE_INNOVATION", "errorType", "DEVIATION")))
        .isEqualTo(recommendation(with("circumstance", "KEY_AREA", "errorType", "DEVIATION"))).isEqualTo("TOLERATE");
    // 政务服务（审批服务）: the same 容缺受理 facts as under 招商引资, the same outcome
    assertThat(cn.gov.wuzhou.tolerance.common.WorkCategory.GOVERNMENT_SERVICE.circumstance().name())
        .isEqualTo("SERVICE_INNOVATION");
    assertThat(recommendation(with("circumstance", "SERVICE_INNOVATION", "errorType", "PROCEDURAL",
        "nonCoreDocumentsOnly", true, "reportedTimely", false))).isEqualTo("TOLERATE");
  }
}
