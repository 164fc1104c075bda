package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The accountability office's yes/no findings of conduct (核查认定). Each review keeps what it found in
 * {@code findingsOnRecord}; a later review of the same case that changes a finding must say why, and the
 * change with its reason goes into {@code findingsCorrection}, which the decision's basis records.
 */
final class Findings {

  static final String ON_RECORD = "findingsOnRecord";
  static final String CORRECTION = "findingsCorrection";

  /** Variable and label of each finding, in the order of the review form. */
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("actedInPublicInterest", "是否出于公心、担当尽责");
    LABELS.put("followedDecisionProcedure", "是否符合决策程序");
    LABELS.put("violatedDisciplineOrLaw", "是否违反党纪和法律法规");
    LABELS.put("subjectiveIntent", "是否存在主观故意");
    LABELS.put("personalGain", "是否谋取私利");
  }

  private Findings() {}

  /** Checks that every finding is answered yes or no, storing the answers as booleans. */
  static void read(Fields fields) {
    LABELS.forEach(fields::bool);
  }

  /**
   * Compares the findings now given with those of the previous review of the case, if any: a change needs
   * {@code findingsCorrectionReason}. Then keeps the findings now given for the next comparison.
   */
  static void recordCorrections(VariableScope scope, Fields fields) {
    List<String> changes = new ArrayList<>();
    Object previous = scope.getVariable(ON_RECORD);
    if (previous instanceof String earlier) {
      for (String entry : earlier.split(",")) {
        String[] nameAndValue = entry.split("=");
        Object now = scope.getVariable(nameAndValue[0]);
        if (LABELS.containsKey(nameAndValue[0]) && !nameAndValue[1].equals(String.valueOf(now))) {
          changes.add(LABELS.get(nameAndValue[0]) + "由“" + yesNo(nameAndValue[1]) + "”更正为“" + yesNo(String.valueOf(now)) + "”");
        }
      }
    }
    if (!changes.isEmpty()) {
      String reason = fields.optionalText("findingsCorrectionReason", "更正核查认定的理由", 2000);
      if (reason == null) {
        throw new InvalidFieldException("findingsCorrectionReason", "更正核查认定的理由",
            "不能为空：" + String.join("，", changes) + "，须写明理由");
      }
      String correction = "问责承办机关重新核查认定，" + String.join("，", changes) + "，理由：" + reason.replaceAll("[。；;.\\s]+$", "");
      Object before = scope.getVariable(CORRECTION);
      scope.setVariable(CORRECTION, before == null ? correction : before + "；" + correction);
    }
    List<String> onRecord = new ArrayList<>();
    LABELS.keySet().forEach(name -> onRecord.add(name + "=" + scope.getVariable(name)));
    scope.setVariable(ON_RECORD, String.join(",", onRecord));
  }

  private static String yesNo(String value) {
    return "true".equals(value) ? "是" : "否";
  }
}
