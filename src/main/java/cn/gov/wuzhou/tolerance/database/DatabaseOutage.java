package cn.gov.wuzhou.tolerance.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure is the database being out of reach (restarting, a network cut, no connection within the pool's
 * timeout), which answers 503 with a message that says to retry, never 500: nothing was decided, and the system
 * recovers by itself once the database is back.
 */
public final class DatabaseOutage {

  public static final String MESSAGE = "数据库暂时无法连接，所做操作未生效；系统将自动恢复，请稍后重试";

  private DatabaseOutage() {}

  public static boolean causedBy(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      // SQL state class 08: connection exception; 57P01–57P03: the server is shutting down or starting up
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
