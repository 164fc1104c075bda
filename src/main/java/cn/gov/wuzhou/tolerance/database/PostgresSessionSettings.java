package cn.gov.wuzhou.tolerance.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, every connection plans each statement for its own parameters and without JIT.
 *
 * <p>The engine's task queries join the authorizations with an OR of three columns. After five runs of
 * a prepared statement PostgreSQL may switch to a generic plan that ignores the parameters, expects a
 * few authorizations and compares every open task with every one of them: the 本机构待办 count with
 * 10,000 open cases went from 0.13 s to 6.8 s at the sixth call. JIT compilation added 0.36 s to each
 * such query and saves nothing on queries of this size.
 *
 * <p>Reading a page costs the planner a tenth of its default, as PostgreSQL's documentation suggests for a
 * database held in memory (the open cases' tables are small and hot). With the defaults, the count of a
 * 本机构待办 list at 1,000 open cases compared each task with each of the viewer's grants (a million comparisons,
 * 92 ms) rather than look up each task's grants in the index (8 ms). An operator's own {@code options} (set as
 * {@code spring.datasource.hikari.data-source-properties.options}) are left as they are.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

  static final String OPTIONS =
      "-c plan_cache_mode=force_custom_plan -c jit=off -c seq_page_cost=0.1 -c random_page_cost=0.1";

  // before initialization: Spring Boot has bound spring.datasource.hikari.*, nothing has wrapped the pool yet
  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
        && !pool.getDataSourceProperties().containsKey("options")) {
      pool.addDataSourceProperty("options", OPTIONS);
    }
    return bean;
  }
}
