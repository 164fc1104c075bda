package cn.gov.wuzhou.tolerance.support;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a refused request could have changed about one case, read straight from the database:
 * its variables, its tasks and who holds them, its jobs, its history rows and the registry's rows.
 * Two snapshots are equal when nothing was written.
 */
public record CaseState(List<Map<String, Object>> variables, List<Map<String, Object>> tasks,
    List<Map<String, Object>> jobs, long historyDetails, long historyVariables, long operationLog,
    long registryRows, long authorizations) {

  public static CaseState of(JdbcTemplate jdbc, String processInstanceId) {
    return new CaseState(
        jdbc.queryForList("SELECT NAME_, TYPE_, TEXT_, LONG_, DOUBLE_, BYTEARRAY_ID_, REV_ FROM ACT_RU_VARIABLE"
            + " WHERE PROC_INST_ID_ = ? ORDER BY NAME_, ID_", processInstanceId),
        jdbc.queryForList("SELECT ID_, TASK_DEF_KEY_, ASSIGNEE_, REV_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ? ORDER BY ID_",
            processInstanceId),
        jdbc.queryForList("SELECT ID_, RETRIES_, DUEDATE_, EXCEPTION_MSG_, REV_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ?"
            + " ORDER BY ID_", processInstanceId),
        count(jdbc, "SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ?", processInstanceId),
        count(jdbc, "SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ?", processInstanceId),
        count(jdbc, "SELECT COUNT(*) FROM ACT_HI_OP_LOG WHERE PROC_INST_ID_ = ?", processInstanceId),
        count(jdbc, "SELECT (SELECT COUNT(*) FROM prefiling) + (SELECT COUNT(*) FROM decision)"
            + " + (SELECT COUNT(*) FROM protection_notice) + (SELECT COUNT(*) FROM consultation)"),
        count(jdbc, "SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION"));
  }

  private static long count(JdbcTemplate jdbc, String sql, Object... parameters) {
    Long count = jdbc.queryForObject(sql, Long.class, parameters);
    return count == null ? 0 : count;
  }
}
