package cn.gov.wuzhou.tolerance.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a request that fails because the database is out of reach — in a login check, a webapp, a
 * filter, anywhere the API's own error mapping does not see it — answers 503 with a Chinese message and
 * {@code Retry-After}, not a 500 page.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("Database out of reach on {}: {}", request.getRequestURI(), e.toString());
      write(response, request.getRequestURI());
    }
  }

  static void write(HttpServletResponse response, String path) throws IOException {
    response.resetBuffer();
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader("Retry-After", "5");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", 503);
    body.put("error", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
    body.put("message", DatabaseOutage.MESSAGE);
    body.put("path", path);
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
      FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter());
      registration.addUrlPatterns("/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }
}
