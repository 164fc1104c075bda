package cn.gov.wuzhou.tolerance.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * When the system property {@code tolerance.test.postgres-url} names a PostgreSQL server (the
 * {@code postgres} Maven profile sets it), every test context gets a fresh database of its own on it,
 * dropped when the JVM ends; without it the tests run on in-memory H2.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String SERVER_URL = "tolerance.test.postgres-url";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String serverUrl = System.getProperty(SERVER_URL);
    if (serverUrl == null || serverUrl.isBlank()) {
      return;
    }
    String url = create(serverUrl);
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", user(),
        "spring.datasource.password", password())));
  }

  /** Creates a fresh database on the server and returns its JDBC URL; it is dropped at JVM exit. */
  public static String create(String serverUrl) {
    String name = "tolerance_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(serverUrl, "CREATE DATABASE " + name);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
    return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
  }

  public static String user() {
    return System.getProperty("tolerance.test.postgres-user", "postgres");
  }

  public static String password() {
    return System.getProperty("tolerance.test.postgres-password", "");
  }

  private static void execute(String serverUrl, String sql) {
    try (Connection connection = DriverManager.getConnection(serverUrl, user(), password());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + serverUrl + ": " + sql + " failed", e);
    }
  }
}
