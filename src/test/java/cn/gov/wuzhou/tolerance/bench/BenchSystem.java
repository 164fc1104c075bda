package cn.gov.wuzhou.tolerance.bench;

import cn.gov.wuzhou.tolerance.ToleranceApplication;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application started for a measurement, as {@code @SpringBootTest(webEnvironment =
 * RANDOM_PORT)} would start it (the application's own {@code application.yaml}, default profile,
 * job executor on, random port), on a fresh in-memory H2 database, or on the database
 * {@code SPRING_DATASOURCE_URL} names. Started programmatically so that one benchmark run can start
 * several variants one after the other. Its DataSource is wrapped in a {@link SqlCounter}.
 */
final class BenchSystem implements AutoCloseable {

  final String variant;
  final ConfigurableApplicationContext context;
  final int port;
  final ProcessEngine engine;
  final JdbcTemplate jdbc;
  final SqlCounter sql;
  final String databaseUrl;
  final String databaseLabel;
  private final HikariDataSource pool;
  private final String h2Url;

  private BenchSystem(String variant, ConfigurableApplicationContext context, SqlCounter sql, HikariHolder holder,
      String databaseUrl, String h2Url) {
    this.variant = variant;
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.engine = context.getBean(ProcessEngine.class);
    this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
    this.sql = sql;
    this.pool = holder.pool;
    this.databaseUrl = databaseUrl;
    this.h2Url = h2Url;
    this.databaseLabel = databaseUrl.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2 (in-memory)";
  }

  /**
   * Starts the application with these extra properties (over application.yaml) and these extra
   * context customizations (prototypes of candidate changes live in the benchmark, not in src/main).
   */
  static BenchSystem start(String variant, Map<String, Object> properties,
      List<Consumer<ConfigurableApplicationContext>> customizations) {
    Map<String, Object> props = new LinkedHashMap<>();
    Map<String, Object> extra = new LinkedHashMap<>(properties);
    String envUrl = System.getenv("SPRING_DATASOURCE_URL");
    String h2Url = null;
    String url;
    if (envUrl != null && !envUrl.isBlank()) {
      url = envUrl;
      props.put("spring.datasource.username", envOr("SPRING_DATASOURCE_USERNAME", "postgres"));
      props.put("spring.datasource.password", envOr("SPRING_DATASOURCE_PASSWORD", ""));
    } else {
      // in memory, with the options of application.yaml's H2 URL
      h2Url = "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256";
      url = h2Url;
      props.put("spring.datasource.username", "sa");
      props.put("spring.datasource.password", "");
    }
    props.put("spring.datasource.url", url);
    props.put("server.port", "0");
    props.put("spring.main.banner-mode", "off");
    props.put("logging.level.root", "WARN");
    props.put("logging.level.org.springframework.boot.web.embedded.tomcat", "WARN");
    props.putAll(extra);

    SqlCounter sql = new SqlCounter();
    HikariHolder holder = new HikariHolder();
    SpringApplicationBuilder builder = new SpringApplicationBuilder(ToleranceApplication.class)
        .initializers(context -> {
          context.getBeanFactory().addBeanPostProcessor(new CountingDataSource(sql, holder));
          StepLabels.install(context);
          customizations.forEach(customization -> customization.accept(context));
        });
    // as command-line arguments: over application.yaml and the environment, and read before logging starts
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    ConfigurableApplicationContext context = builder.run(args);
    return new BenchSystem(variant, context, sql, holder, url, h2Url);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  String historyLevel() {
    return configuration().getHistoryLevel().getName();
  }

  String property(String name) {
    return context.getEnvironment().getProperty(name);
  }

  /** Active connections and threads waiting for one. */
  int[] poolUsage() {
    if (pool == null) {
      return new int[] {0, 0, 0};
    }
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    return bean == null ? new int[] {0, 0, 0}
        : new int[] {bean.getActiveConnections(), bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize()};
  }

  @Override
  public void close() {
    context.close();
    if (pool != null) {
      pool.close(); // the wrapped bean hides Hikari's close() from the context
    }
    if (h2Url != null) {
      try (Connection connection = DriverManager.getConnection(h2Url, "sa", "");
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      } catch (Exception e) {
        // the in-memory database is gone already
      }
    }
  }

  private static final class HikariHolder {
    HikariDataSource pool;
  }

  private static final class CountingDataSource implements BeanPostProcessor {
    private final SqlCounter sql;
    private final HikariHolder holder;

    CountingDataSource(SqlCounter sql, HikariHolder holder) {
      this.sql = sql;
      this.holder = holder;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
      if (bean instanceof DataSource dataSource && beanName.equals("dataSource")) {
        if (bean instanceof HikariDataSource hikari) {
          holder.pool = hikari;
        }
        return sql.wrap(dataSource);
      }
      return bean;
    }
  }
}
