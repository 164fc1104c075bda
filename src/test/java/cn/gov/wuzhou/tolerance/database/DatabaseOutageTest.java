package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.glassfish.jersey.server.ContainerException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures are the database out of reach (503, retry) and which are not (a real error stays a 500), with the
 * chains the engine, Spring's transaction manager, Hikari and the servlet container build during a restart.
 */
class DatabaseOutageTest {

  @Test
  void aServerShuttingDownOrUnreachableIsAnOutageHoweverDeepTheEngineWrapsIt() {
    // PostgreSQL's "terminating connection due to administrator command" inside the engine's wrappers
    SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
    assertThat(DatabaseOutage.causedBy(new ProcessEngineException("flush failed", new PersistenceException(shutdown))))
        .isTrue();
    assertThat(DatabaseOutage.causedBy(new SQLException("Connection refused", "08001"))).isTrue();
    assertThat(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
    assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")))).isTrue();
  }

  /** The 500s of DatabaseRestartIT: the statement broke the connection, Hikari closed it, the rollback failed on it. */
  @Test
  void aRollbackThatFailedOnTheConnectionHikariClosedIsAnOutage() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new ProcessEngineException("select failed", new PersistenceException(
        new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
    ProcessEngineException engine = ExceptionUtil.wrapPersistenceException(rollback);

    assertThat(DatabaseOutage.causedBy(engine)).isTrue();
    // as the engine REST servlet rethrows it when its exception mapper failed too
    assertThat(DatabaseOutage.causedBy(new ServletException(new ContainerException(engine)))).isTrue();
  }

  @Test
  void theStatementsOwnErrorBehindARollbackFailureCounts() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("unexpected driver state"));
    rollback.initApplicationException(new PersistenceException(
        new SQLException("terminating connection due to administrator command", "57P01")));
    assertThat(DatabaseOutage.causedBy(ExceptionUtil.wrapPersistenceException(rollback))).isTrue();
  }

  @Test
  void anOutageSuppressedBehindAnotherFailureCounts() {
    IllegalStateException closing = new IllegalStateException("could not release the session");
    closing.addSuppressed(new SQLException("This connection has been closed.", "08003"));
    assertThat(DatabaseOutage.causedBy(new ProcessEngineException("command failed", closing))).isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseOutage.causedBy(ExceptionUtil.wrapPersistenceException(new TransactionSystemException(
        "JDBC commit failed", new SQLException("could not serialize access", "40001"))))).isFalse();
    assertThat(DatabaseOutage.causedBy(new NestedTransactionNotSupportedException("no savepoints"))).isFalse();
    assertThat(DatabaseOutage.causedBy(new SQLException("Connection is read-only"))).isFalse();
    assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
  }

  @Test
  void exceptionsThatReferToEachOtherAreWalkedOnce() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second", first);
    first.addSuppressed(second);
    assertThat(DatabaseOutage.causedBy(second)).isFalse();
  }
}
