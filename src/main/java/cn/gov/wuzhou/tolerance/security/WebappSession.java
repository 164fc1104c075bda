package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;

/**
 * The login of the webapps (Tasklist, Cockpit, Admin) as it is kept in the HTTP session, for requests
 * to {@code /api} that a webapp plugin makes from the browser. A request with an Authorization header
 * is never taken as the session's: its own credentials decide.
 */
final class WebappSession {

  private WebappSession() {}

  /** The user logged in to the engine's webapps in this request's session, for a request without credentials. */
  static Optional<String> user(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return Optional.empty();
    }
    Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engineName);
    return authentication instanceof UserAuthentication ? Optional.of(authentication.getIdentityId()) : Optional.empty();
  }

  /** Whether the request would be authenticated by a webapp login of any engine. */
  static boolean authenticates(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
            .anyMatch(UserAuthentication.class::isInstance);
  }
}
