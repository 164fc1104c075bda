package cn.gov.wuzhou.tolerance.tolerancecase;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Error reports (错情报告) as a unit clerk files them. */
final class Reports {

  private Reports() {}

  /** An official of a party organ who erred in rural revitalization two days ago, reported today. */
  static Map<String, Object> valid(LocalDate today) {
    Map<String, Object> report = new HashMap<>();
    report.put("officialName", "李明");
    report.put("officialId", "WZ-" + System.nanoTime());
    report.put("officialPosition", "外资科科长");
    report.put("officialCategory", "PARTY_GOV_ORGAN");
    report.put("workCategory", "RURAL_REVITALIZATION");
    report.put("errorType", "DEVIATION");
    report.put("errorDescription", "产业帮扶项目选址论证不足，导致项目延期两个月。");
    report.put("discoveredOn", today.minusDays(2).toString());
    report.put("reportedOn", today.toString());
    return report;
  }

  static Map<String, Object> with(LocalDate today, Object... namesAndValues) {
    Map<String, Object> report = valid(today);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      report.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return report;
  }

  /** The accountability office's findings on a clean, simple case. */
  static Map<String, Object> cleanFindings() {
    Map<String, Object> findings = new HashMap<>();
    findings.put("followedDecisionProcedure", "true");
    findings.put("violatedDisciplineOrLaw", "false");
    findings.put("subjectiveIntent", "false");
    findings.put("personalGain", "false");
    findings.put("complexCircumstances", "false");
    findings.put("wideImpact", "false");
    findings.put("highPublicAttention", "false");
    findings.put("reviewOpinion", "经审查，决策程序完备，无违纪违法情形，已及时整改。");
    return findings;
  }

  static Map<String, Object> findingsWith(String name, Object value) {
    Map<String, Object> findings = cleanFindings();
    findings.put(name, value);
    return findings;
  }
}
