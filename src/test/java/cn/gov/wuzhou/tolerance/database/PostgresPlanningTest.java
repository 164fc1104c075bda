package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.PostgresTestDatabase;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** On PostgreSQL (mvn -Ppostgres verify): what keeps the task list fast as open cases grow. */
@ProcessTest
@EnabledIfSystemProperty(named = PostgresTestDatabase.SERVER_URL, matches = ".+")
class PostgresPlanningTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void everyConnectionPlansForItsParametersWithoutJit() {
    assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
  }

  @Test
  void thePlannerKnowsHowManyAuthorizationsGrantEachPermission() {
    assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext", String.class))
        .contains("act_stat_auth_perm_read", "act_stat_auth_perm_read_task");
  }
}
