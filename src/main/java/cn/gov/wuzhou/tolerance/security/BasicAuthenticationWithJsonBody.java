package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic against the identity service; the 401 also carries a JSON body, like every other error.
 * Tells {@link LoginThrottleFilter} whether the password was right.
 */
public class BasicAuthenticationWithJsonBody extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    request.setAttribute(LoginThrottleFilter.AUTHENTICATED, result.isAuthenticated());
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    response.setContentType("application/json;charset=UTF-8");
    try {
      response.getWriter().write(
          "{\"type\":\"AuthenticationRequired\",\"message\":\"需要登录：请以 HTTP Basic 提供用户名和密码\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
