package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.glassfish.jersey.server.ContainerException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

/** What a client gets when a request fails past every error mapping: 503 in Chinese for an outage, else unchanged. */
class DatabaseOutageFilterTest {

  final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/7/submit-form");
  final MockHttpServletResponse response = new MockHttpServletResponse();

  @Test
  void theEngineRestServletsRethrownRollbackFailureAnswers503InChinese() throws Exception {
    new DatabaseOutageFilter().doFilter(request, response, failing(new ServletException(new ContainerException(
        ExceptionUtil.wrapPersistenceException(new TransactionSystemException("JDBC rollback failed",
            new SQLException("Connection is closed")))))));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    JsonNode body = new ObjectMapper().readTree(response.getContentAsByteArray());
    assertThat(body.path("message").asText()).isEqualTo(DatabaseOutage.MESSAGE);
    assertThat(body.path("path").asText()).isEqualTo("/engine-rest/task/7/submit-form");
  }

  @Test
  void aResponseAlreadySentIsLeftAsItIs() throws Exception {
    response.getWriter().write("[{\"id\":");
    response.setCommitted(true);
    ServletException outage = new ServletException(new SQLException("Connection is closed"));

    assertThatThrownBy(() -> new DatabaseOutageFilter().doFilter(request, response, failing(outage))).isSameAs(outage);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Retry-After")).isNull();
  }

  @Test
  void otherFailuresPassOnUnchanged() {
    IllegalStateException bug = new IllegalStateException("a bug");

    assertThatThrownBy(() -> new DatabaseOutageFilter().doFilter(request, response, failing(bug))).isSameAs(bug);
    assertThat(response.getHeader("Retry-After")).isNull();
  }

  private static FilterChain failing(Exception thrown) {
    return (request, response) -> {
      if (thrown instanceof ServletException servlet) {
        throw servlet;
      }
      throw (RuntimeException) thrown;
    };
  }
}
