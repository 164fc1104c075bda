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

  /** A clean case in a key circumstance that was reported and corrected in time: rule 4 tolerates it. */
  static Map<String, Object> cleanKeyWorkCase() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("circumstance", "KEY_WORK");
    facts.put("errorType", "DEVIATION");
    facts.put("prefiled", false);
    facts.put("followedDecisionProcedure", true);
    facts.put("violatedDisciplineOrLaw", false);
    facts.put("subjectiveIntent", false);
    facts.put("personalGain", false);
    facts.put("reportedTimely", true);
    facts.put("correctedTimely", true);
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

  @Test
  void rule1BreachOfDisciplineOrLawIsNeverTolerated() {
    var result = evaluate(with("violatedDisciplineOrLaw", true));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("NOT_TOLERATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("违反党纪国法");
  }

  @Test
  void rule2SubjectiveIntentIsNeverTolerated() {
    var result = evaluate(with("subjectiveIntent", true));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("NOT_TOLERATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("主观故意");
  }

  @Test
  void rule3PersonalGainIsNeverToleratedEvenWhenPreFiledAndCorrected() {
    var result = evaluate(with("personalGain", true, "prefiled", true));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("NOT_TOLERATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("谋取私利");
  }

  @Test
  void rule4KeyWorkOrKeyAreaWithProcedureAndTimelyCorrectionIsTolerated() {
    assertThat(evaluate(cleanKeyWorkCase()).<String>getEntry("recommendation")).isEqualTo("TOLERATE");
    var keyArea = evaluate(with("circumstance", "KEY_AREA", "reportedTimely", false));

    assertThat(keyArea.<String>getEntry("recommendation")).isEqualTo("TOLERATE");
    assertThat(keyArea.<String>getEntry("recommendationBasis")).contains("重点工作、重点领域");
  }

  @Test
  void rule5ProceduralDeviationInServiceInnovationCorrectedInTimeIsTolerated() {
    var result = evaluate(with("circumstance", "SERVICE_INNOVATION", "errorType", "PROCEDURAL",
        "followedDecisionProcedure", false));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("TOLERATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("先批后补");
  }

  @Test
  void rule6RegisteredPreFilingCountsLikeAKeyCircumstance() {
    var result = evaluate(with("circumstance", "OTHER", "prefiled", true));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("TOLERATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("事前备案");
  }

  @Test
  void rule7ReportedInTimeButCorrectedLateIsMitigated() {
    var result = evaluate(with("correctedTimely", false));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("MITIGATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("第一时间报告");
  }

  @Test
  void rule8OtherCircumstanceWithoutPreFilingButCleanAndCorrectedIsMitigated() {
    var result = evaluate(with("circumstance", "OTHER"));

    assertThat(result.<String>getEntry("recommendation")).isEqualTo("MITIGATE");
    assertThat(result.<String>getEntry("recommendationBasis")).contains("不属于重点情形");
  }

  @Test
  void rule9AnythingElseIsNotTolerated() {
    var withoutProcedure = evaluate(with("followedDecisionProcedure", false));
    var serviceDeviation = evaluate(with("circumstance", "SERVICE_INNOVATION"));
    var lateInEverything = evaluate(with("reportedTimely", false, "correctedTimely", false));

    assertThat(withoutProcedure.<String>getEntry("recommendation")).isEqualTo("NOT_TOLERATE");
    assertThat(serviceDeviation.<String>getEntry("recommendation")).isEqualTo("NOT_TOLERATE");
    assertThat(lateInEverything.<String>getEntry("recommendation")).isEqualTo("NOT_TOLERATE");
    assertThat(lateInEverything.<String>getEntry("recommendationBasis")).contains("不符合");
  }
}
