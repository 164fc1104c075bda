package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.PostgresTestDatabase;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** On PostgreSQL (mvn -Ppostgres verify): what keeps the task list fast as open cases grow. */
@ProcessTest
@EnabledIfSystemProperty(named = PostgresTestDatabase.SERVER_URL, matches = ".+")
class PostgresPlanningTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired PlannerStatistics statistics;

  @Test
  void everyConnectionPlansForItsParametersWithoutJitAndForADatabaseHeldInMemory() {
    assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
    assertThat(jdbc.queryForObject("SHOW seq_page_cost", String.class)).isEqualTo("0.1");
    assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("0.1");
  }

  @Test
  void thePlannerKnowsHowManyAuthorizationsGrantEachPermission() {
    assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext", String.class))
        .contains("act_stat_auth_perm_read", "act_stat_auth_perm_read_task");
  }

  @Test
  void aTaskListLooksUpEachTasksGrantsInTheIndexOfReadGrants() {
    // the authorization join of the engine's task query (本机构待办 of jiwei), parameters bound as the engine binds them
    String taskList = """
        EXPLAIN SELECT DISTINCT RES.ID_ FROM ACT_RU_TASK RES
          LEFT JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = RES.ID_
          LEFT JOIN ACT_RE_PROCDEF D ON RES.PROC_DEF_ID_ = D.ID_
          LEFT JOIN (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
              AND (A.USER_ID_ IN (?, '*') OR A.GROUP_ID_ IN (?))
              AND ((A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?))) AUTH
            ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
        WHERE RES.ASSIGNEE_ IS NULL AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (?)
          AND (RES.CASE_EXECUTION_ID_ IS NOT NULL OR AUTH.RESOURCE_ID_ IS NOT NULL)""";
    String plan = jdbc.execute((Connection connection) -> {
      try (var statement = connection.createStatement()) {
        // a scan of the whole table is the cheaper plan while it holds a few rows; the question is whether the index fits
        statement.execute("SET enable_seqscan = off");
      }
      try (var explain = connection.prepareStatement(taskList)) {
        Object[] parameters = {"jiwei", "discipline-inspection", 7, 2, 2, 6, 64, 64, "discipline-inspection"};
        for (int i = 0; i < parameters.length; i++) {
          explain.setObject(i + 1, parameters[i]);
        }
        StringBuilder lines = new StringBuilder();
        try (var rows = explain.executeQuery()) {
          while (rows.next()) {
            lines.append(rows.getString(1)).append('\n');
          }
        }
        return lines.toString();
      } finally {
        try (var statement = connection.createStatement()) {
          statement.execute("RESET enable_seqscan");
        }
      }
    });

    assertThat(plan).contains(TaskReadGrantsIndexMigration.INDEX).doesNotContain("act_idx_auth_resource_id");
  }

  @Test
  void aTableFilledWithoutAutovacuumIsAnalysedByTheApplication() {
    jdbc.execute("ALTER TABLE act_ru_variable SET (autovacuum_enabled = false)");
    try {
      statistics.refresh();
      double before = plannedRows("act_ru_variable");
      jdbc.batchUpdate("INSERT INTO act_ru_variable (id_, rev_, type_, name_, text_) VALUES (?, 1, 'string', 'filled', 'x')",
          java.util.stream.IntStream.range(0, 5000).mapToObj(i -> new Object[] {"planner-test-" + i}).toList());
      awaitCounted("act_ru_variable", 5000);

      assertThat(statistics.refresh()).contains("act_ru_variable");
      assertThat(plannedRows("act_ru_variable")).isGreaterThanOrEqualTo(before + 4500);
      assertThat(statistics.refresh()).doesNotContain("act_ru_variable");
    } finally {
      jdbc.update("DELETE FROM act_ru_variable WHERE id_ LIKE 'planner-test-%'");
      jdbc.execute("ALTER TABLE act_ru_variable RESET (autovacuum_enabled)");
    }
  }

  /** PostgreSQL counts a connection's changes in its statistics views when the connection reports them (≤ 1 s). */
  private void awaitCounted(String table, long changes) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (jdbc.queryForObject("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = ?", Long.class,
        table) < changes && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** How many rows the planner believes the table has. */
  private double plannedRows(String table) {
    return Math.max(0, jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE relname = ?", Double.class, table));
  }
}
