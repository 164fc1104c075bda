package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are the database out of reach (503, retry) and which are not (a real error stays a 500). */
class DatabaseOutageTest {

  @Test
  void aServerShuttingDownOrUnreachableIsAnOutageHoweverDeepTheEngineWrapsIt() {
    // PostgreSQL's "terminating connection due to administrator command" inside the engine's wrappers
    SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
    assertThat(DatabaseOutage.causedBy(new ProcessEngineException("flush failed", new PersistenceException(shutdown))))
        .isTrue();
    assertThat(DatabaseOutage.causedBy(new SQLException("Connection refused", "08001"))).isTrue();
    assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")))).isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
  }
}
