package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for {@code /api} requests authenticated by the webapps' session
 * ({@link SessionOrBasicAuthentication}): one that changes something must carry the session's token in
 * {@code X-XSRF-TOKEN}, as the webapps send it to their own API (Camunda's CSRF filter hands the token to
 * the page in the {@code XSRF-TOKEN} cookie, which another site cannot read). Otherwise 403, and nothing
 * happens. Requests with HTTP Basic credentials are checked by those alone.
 */
class ApiSessionCsrfFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE_METHODS.contains(request.getMethod()) && WebappSession.authenticates(request) && !carriesToken(request)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"CsrfTokenRequired\",\"message\":"
          + "\"请求缺少有效的防伪令牌（X-XSRF-TOKEN），请刷新页面后重试\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    // ahead of the authentication filter: a forged request is refused whoever it would be
    @Bean
    FilterRegistrationBean<ApiSessionCsrfFilter> registryApiSessionCsrf() {
      FilterRegistrationBean<ApiSessionCsrfFilter> registration = new FilterRegistrationBean<>(new ApiSessionCsrfFilter());
      registration.addUrlPatterns("/api/*");
      registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
      return registration;
    }

    // the user the pages ask for first, and the API they read
    @Bean
    FilterRegistrationBean<SessionTokenHeader> sessionTokenHeader(CamundaBpmProperties camunda) {
      FilterRegistrationBean<SessionTokenHeader> registration = new FilterRegistrationBean<>(new SessionTokenHeader());
      registration.addUrlPatterns("/api/*", camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
      return registration;
    }
  }

  private static boolean carriesToken(HttpServletRequest request) {
    Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected instanceof String token && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
