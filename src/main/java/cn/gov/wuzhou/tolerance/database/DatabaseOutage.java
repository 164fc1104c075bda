package cn.gov.wuzhou.tolerance.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being out of reach (restarting, a network cut, no connection within the pool's
 * timeout), which answers 503 with a message that says to retry, never 500: nothing was decided, and the system
 * recovers by itself once the database is back.
 *
 * <p>Every exception reachable from the one thrown counts: its causes, the exceptions suppressed along the way, and
 * the exception a failed rollback replaced ({@link TransactionSystemException#getApplicationException()}) — an
 * outage often surfaces as the rollback's failure on the connection it broke, not as the statement's own error.
 */
public final class DatabaseOutage {

  public static final String MESSAGE = "数据库暂时无法连接，所做操作未生效；系统将自动恢复，请稍后重试";

  // SQL state class 08: connection exception
  private static final String CONNECTION_EXCEPTION = "08";
  // PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now (the server is stopping or starting)
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
  // Hikari's answer on a connection it closed after a connection error (its SQL state class 08, 57P01–57P03):
  // an SQLException without SQL state, e.g. the rollback after the statement that broke the connection
  static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

  private DatabaseOutage() {}

  public static boolean causedBy(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> pending = new ArrayList<>();
    pending.add(thrown);
    while (!pending.isEmpty()) {
      Throwable failure = pending.remove(pending.size() - 1);
      if (failure == null || !seen.add(failure)) {
        continue;
      }
      if (isOutage(failure)) {
        return true;
      }
      pending.add(failure.getCause());
      pending.addAll(List.of(failure.getSuppressed()));
      if (failure instanceof TransactionSystemException transaction) {
        pending.add(transaction.getApplicationException());
      }
      if (failure instanceof SQLException sql) {
        pending.add(sql.getNextException());
      }
    }
    return false;
  }

  private static boolean isOutage(Throwable failure) {
    // not its subclasses: a nested transaction or suspension the manager does not support is a mistake in the code
    if (failure.getClass() == CannotCreateTransactionException.class || failure instanceof DataAccessResourceFailureException
        || failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException) {
      return true;
    }
    if (failure instanceof SQLException sql) {
      String state = sql.getSQLState();
      return state != null ? state.startsWith(CONNECTION_EXCEPTION) || SERVER_GOING_AWAY.contains(state)
          : HIKARI_CLOSED_CONNECTION.equals(sql.getMessage());
    }
    return false;
  }
}
