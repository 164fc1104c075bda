package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the webapps' session token to the registry pages: Camunda sends it only with the first answer of a
 * session and in a cookie for {@code /camunda} alone, so a page under {@code /registry/} opened in a
 * Tasklist session could not send what {@link ApiSessionCsrfFilter} asks of a POST. Only a same-origin
 * script reads a response header, as only it reads the cookie.
 */
class SessionTokenHeader extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if ("GET".equals(request.getMethod()) && session != null
        && session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token) {
      response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, token);
    }
    chain.doFilter(request, response);
  }
}
