package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * 核查认定 binds the determination (MISSION.md step 7): with a breach of party discipline or law, subjective
 * intent or personal gain found, or 出于公心、担当尽责 not found, the seed's conditions of 容错纠错 are not met and
 * the only determination anyone may propose, approve or decide is 不予容错. A wrong finding is corrected by the
 * accountability office that made it, on a new review with its reason, never by the step after it.
 */
public final class BindingFindings {

  /** Each finding that rules out tolerance, with the value that does and its words. */
  private static final List<Finding> ADVERSE = List.of(
      new Finding("violatedDisciplineOrLaw", true, "违反党纪和法律法规"),
      new Finding("subjectiveIntent", true, "存在主观故意"),
      new Finding("personalGain", true, "谋取私利"),
      new Finding("actedInPublicInterest", false, "不是出于公心、担当尽责"));

  private record Finding(String variable, boolean adverseValue, String words) {}

  private BindingFindings() {}

  /** The adverse findings of the case in words, such as {@code 谋取私利}; empty when none. */
  public static List<String> adverse(VariableScope scope) {
    List<String> found = new ArrayList<>();
    for (Finding finding : ADVERSE) {
      Object value = scope.getVariable(finding.variable());
      if (value != null && Boolean.valueOf(finding.adverseValue()).equals(toBoolean(value))) {
        found.add(finding.words());
      }
    }
    return found;
  }

  /**
   * Why the determination may not stand where an adverse finding does, in words for the person who chose it;
   * {@code null} when it may.
   */
  public static String conflict(VariableScope scope, Determination determination) {
    List<String> adverse = adverse(scope);
    if (adverse.isEmpty() || determination == Determination.NOT_TOLERATE) {
      return null;
    }
    return "问责承办机关核查认定" + String.join("、", adverse) + "，不符合容错纠错的条件，只能认定为“不予容错”；"
        + "核查认定有误的，由问责承办机关重新核查认定并写明更正理由";
  }

  /** Refuses, naming the field the person filled in, a determination an adverse finding rules out. */
  public static void require(VariableScope scope, Determination determination, String field, String label) {
    String conflict = conflict(scope, determination);
    if (conflict != null) {
      throw new InvalidFieldException(field, label, "不能为“" + determination.label() + "”：" + conflict);
    }
  }

  private static Boolean toBoolean(Object value) {
    return value instanceof Boolean flag ? flag : Boolean.valueOf(String.valueOf(value));
  }
}
