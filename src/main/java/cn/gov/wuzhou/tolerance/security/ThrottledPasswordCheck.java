package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.common.EngineSessions;
import cn.gov.wuzhou.tolerance.security.LoginThrottle.Refused;
import cn.gov.wuzhou.tolerance.security.LoginThrottle.Verdict;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * The identity service's password check, the one place every login passes whatever its path (HTTP Basic on
 * {@code /engine-rest} and {@code /api}, the webapps' login form, any later one) and however the client spelled
 * its credentials:
 * <ul>
 *   <li>{@link LoginThrottle} counts its failures per account and client address ({@link ClientAddress}); a pair
 *       that has to wait is not checked at all, {@link LoginThrottled} is thrown instead and answered 429. A check
 *       outside a request (the application's own) is not throttled.</li>
 *   <li>The engine's own per-account lockout is off. It locked an account for everybody after a few wrong
 *       passwords from anyone, and for good after the tenth (ENGINE-27002), so anybody could lock out any clerk, or
 *       the administrator who would have to unlock them. A check no longer writes to the database either, and locks
 *       left by the engine before are ignored.</li>
 *   <li>A change of a user, a membership or a deletion forgets the logins {@link RecentLogins} holds.</li>
 * </ul>
 */
@Component
public class ThrottledPasswordCheck extends AbstractProcessEnginePlugin {

  private final LoginThrottle throttle;

  ThrottledPasswordCheck(SecurityProperties security) {
    this.throttle = new LoginThrottle(security.loginThrottle(), Clock.systemUTC());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(EngineSessions.of(DbIdentityServiceProvider.class, Provider::new));
  }

  // the engine's queries take the identity provider for the database's, so the check is made in a subclass of it
  private final class Provider extends DbIdentityServiceProvider {

    @Override
    public boolean checkPassword(String userId, String password) {
      Optional<String> address = ClientAddress.current();
      if (address.isEmpty() || userId == null) {
        return matches(userId, password);
      }
      Verdict verdict = throttle.admit(userId, address.get());
      if (verdict instanceof Refused refused) {
        throw new LoginThrottled(refused.retryAfter());
      }
      boolean matches;
      try {
        matches = matches(userId, password);
      } catch (RuntimeException other) {
        throttle.released(userId, address.get());
        throw other;
      }
      if (matches) {
        throttle.succeeded(userId, address.get());
      } else {
        throttle.failed(userId, address.get());
      }
      return matches;
    }

    // what decides who a login is and which groups and tenants it carries: logins held by RecentLogins are forgotten

    @Override
    public IdentityOperationResult saveUser(User user) {
      return forgettingLogins(() -> super.saveUser(user));
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      return forgettingLogins(() -> super.deleteUser(userId));
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      return forgettingLogins(() -> super.deleteGroup(groupId));
    }

    @Override
    public IdentityOperationResult deleteTenant(String tenantId) {
      return forgettingLogins(() -> super.deleteTenant(tenantId));
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      return forgettingLogins(() -> super.createMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      return forgettingLogins(() -> super.deleteMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
      return forgettingLogins(() -> super.createTenantUserMembership(tenantId, userId));
    }

    @Override
    public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
      return forgettingLogins(() -> super.createTenantGroupMembership(tenantId, groupId));
    }

    @Override
    public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
      return forgettingLogins(() -> super.deleteTenantUserMembership(tenantId, userId));
    }

    @Override
    public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
      return forgettingLogins(() -> super.deleteTenantGroupMembership(tenantId, groupId));
    }

    private static IdentityOperationResult forgettingLogins(Supplier<IdentityOperationResult> change) {
      RecentLogins.identityChanged();
      return change.get();
    }

    private boolean matches(String userId, String password) {
      UserEntity user = userId == null ? null : findUserById(userId);
      return user != null && password != null && matchPassword(password, user);
    }
  }
}
