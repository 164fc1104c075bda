package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * HTTP Basic, or the webapps' login: a request to {@code /api} without credentials from a browser
 * logged in to Tasklist is that user's, so that a Tasklist plugin (the 材料 tab) can call the API.
 * The user's groups are read afresh from the identity service, as for HTTP Basic; a user deleted since
 * the login is nobody. Requests of this kind that change something must also carry the session's CSRF
 * token ({@link ApiSessionCsrfFilter}).
 */
public class SessionOrBasicAuthentication extends BasicAuthenticationWithJsonBody {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Optional<String> loggedIn = WebappSession.user(request, engine.getName())
        .filter(user -> engine.getIdentityService().createUserQuery().userId(user).count() > 0);
    return loggedIn.map(AuthenticationResult::successful)
        .orElseGet(() -> super.extractAuthenticatedUser(request, engine));
  }
}
