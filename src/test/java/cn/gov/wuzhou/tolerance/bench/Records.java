package cn.gov.wuzhou.tolerance.bench;

import java.util.List;
import java.util.Locale;

/**
 * What a statement records, by its table: the floor a case's statements stand on. A case of fifteen user tasks pays
 * for its tasks, executions and their history, and for the grants on each task, whatever its variables cost.
 */
final class Records {

  static final String VARIABLES = "process variables and their history";
  static final String TASKS = "tasks, executions, activities, identity links, operation log (runtime and history)";
  static final String GRANTS = "authorizations (grants per task and case, permission checks)";
  static final String JOBS = "jobs and the job log";
  static final String DEFINITIONS = "definitions, deployments, filters, users and groups";
  static final String REGISTRY = "the registry, the hash chain and other application tables";

  static final List<String> KINDS = List.of(VARIABLES, TASKS, GRANTS, JOBS, DEFINITIONS, REGISTRY);

  private Records() {}

  /** The kind of record of a statement counted as {@code "KIND TABLE"}. */
  static String of(String kindAndTable) {
    String table = kindAndTable.substring(kindAndTable.indexOf(' ') + 1).toUpperCase(Locale.ROOT);
    if (!table.startsWith("ACT_")) {
      return REGISTRY;
    }
    return switch (table) {
      case "ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY" -> VARIABLES;
      case "ACT_RU_AUTHORIZATION" -> GRANTS;
      case "ACT_RU_JOB", "ACT_RU_JOBDEF", "ACT_HI_JOB_LOG" -> JOBS;
      default -> table.startsWith("ACT_RE_") || table.startsWith("ACT_ID_") || table.equals("ACT_RU_FILTER")
          || table.equals("ACT_GE_PROPERTY") ? DEFINITIONS : TASKS;
    };
  }
}
