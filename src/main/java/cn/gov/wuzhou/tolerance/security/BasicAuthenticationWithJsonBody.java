package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic against the identity service; the 401 also carries a JSON body, like every other error.
 * Camunda decodes the header (leniently); the password check it makes is throttled ({@link ThrottledPasswordCheck}).
 */
public class BasicAuthenticationWithJsonBody extends HttpBasicAuthenticationProvider {

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
