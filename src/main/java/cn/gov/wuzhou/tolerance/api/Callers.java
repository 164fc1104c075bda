package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.identity.Jurisdiction;
import cn.gov.wuzhou.tolerance.identity.UnitOrganizations;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The caller the authentication filter established for this request (HTTP Basic on {@code /api}). */
@Component
public class Callers {

  private final IdentityService identityService;
  private final Jurisdiction jurisdiction;
  private final UnitOrganizations organizations;

  Callers(IdentityService identityService, Jurisdiction jurisdiction, UnitOrganizations organizations) {
    this.identityService = identityService;
    this.jurisdiction = jurisdiction;
    this.organizations = organizations;
  }

  public Caller current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "需要登录：请以 HTTP Basic 提供用户名和密码");
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return new Caller(authentication.getUserId(), groups, jurisdiction, organizations);
  }
}
