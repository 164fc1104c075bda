package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.setIfChanged;
import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** {@code officialRoles} as stored: the codes of {@link OfficialRole} separated by commas, or nothing. */
final class OfficialRoles {

  static final String FIELD = "officialRoles";
  static final String LABEL = "当事人身份";
  /** What a task that may correct the roles showed when it was created (task-local). */
  static final String SHOWN = "officialRolesBefore";
  /** The unit's roles, kept once a body corrected them. */
  static final String REPORTED = "officialRolesReported";

  private OfficialRoles() {}

  static List<String> codes(String officialRoles) {
    return officialRoles == null ? List.of() : Arrays.stream(officialRoles.split(","))
        .map(String::strip).filter(code -> !code.isEmpty()).toList();
  }

  /** The roles in words, as in 人大代表、后备干部; empty when none. */
  static String labels(String officialRoles) {
    return codes(officialRoles).stream().map(code -> OfficialRole.valueOf(code).label()).collect(Collectors.joining("、"));
  }

  /** Create listener of a task that may correct the roles: remembers what it shows. */
  static void remember(DelegateTask task) {
    task.setVariableLocal(SHOWN, checked(text(task, FIELD)));
  }

  /** The roles the task showed when it was created. */
  static String shown(DelegateTask task) {
    Object shown = task.getVariableLocal(SHOWN);
    // a task created before it remembered belongs to an earlier process version, whose form cannot change the roles
    return shown != null ? (String) shown : checked(text(task, FIELD));
  }

  /** The roles as the unit reported them. */
  static String reported(DelegateTask task) {
    return task.hasVariable(REPORTED) ? (String) task.getVariable(REPORTED) : shown(task);
  }

  /**
   * The roles a body confirmed on completing its task, checked and set on the case with their words; the unit's
   * roles are kept in {@link #REPORTED} the first time anyone changes them.
   */
  static String confirm(DelegateTask task, Fields fields) {
    String shown = shown(task);
    String confirmed = checked(fields.optionalText(FIELD, LABEL, 200));
    DelegateExecution execution = task.getExecution();
    setIfChanged(execution, FIELD, confirmed);
    if (!confirmed.equals(shown) && !execution.hasVariable(REPORTED)) {
      execution.setVariable(REPORTED, shown);
    }
    setIfChanged(execution, "officialRolesText", words(confirmed));
    return confirmed;
  }

  /** A change of roles in words, as in 由“人大代表”更正为“政协委员、后备干部”. */
  static String change(String from, String to) {
    return "由“" + words(from) + "”更正为“" + words(to) + "”";
  }

  private static String words(String roles) {
    return roles.isEmpty() ? "无" : labels(roles);
  }

  /** The roles a client sent, checked to be roles, in the order of {@link OfficialRole}: one spelling per set. */
  static String checked(String officialRoles) {
    List<String> codes = codes(officialRoles);
    for (String code : codes) {
      if (Arrays.stream(OfficialRole.values()).noneMatch(role -> role.name().equals(code))) {
        throw new InvalidFieldException(FIELD, LABEL, "的取值 " + code + " 无效，应为党代表、人大代表、政协委员或后备干部");
      }
    }
    return Arrays.stream(OfficialRole.values()).map(OfficialRole::name).filter(codes::contains)
        .collect(Collectors.joining(","));
  }
}
