package cn.gov.wuzhou.tolerance.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * Users a test adds beside the demo identities, with their password ({@code demo}), as the seeder keeps the demo
 * identities': the password policy holds for everybody else.
 */
public final class TestUsers {

  private TestUsers() {}

  public static void save(IdentityService identityService, User user) {
    ((IdentityServiceImpl) identityService).saveUser(user, true);
  }
}
