package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic against the identity service; the 401 also carries a JSON body, like every other error.
 * Camunda decodes the header (leniently); the password check it makes is throttled ({@link ThrottledPasswordCheck});
 * a header that passed it a moment ago is taken as checked ({@link RecentLogins}).
 */
public class BasicAuthenticationWithJsonBody extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return super.extractAuthenticatedUser(request, engine);
    }
    Optional<AuthenticationResult> recent = RecentLogins.recent(engine.getName(), header);
    if (recent.isPresent()) {
      return recent.get();
    }
    long generation = RecentLogins.generation();
    AuthenticationResult checked = super.extractAuthenticatedUser(request, engine);
    if (checked.isAuthenticated()) {
      IdentityService identity = engine.getIdentityService();
      String user = checked.getAuthenticatedUser();
      checked.setGroups(identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
      checked.setTenants(identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
          .map(Tenant::getId).toList());
      RecentLogins.remember(engine.getName(), header, checked, generation);
    }
    return checked;
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
