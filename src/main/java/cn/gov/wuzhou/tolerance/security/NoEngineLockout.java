package cn.gov.wuzhou.tolerance.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Switches off the engine's own per-account lockout. It locks an account for everybody after a few
 * wrong passwords from anyone, and for good after the tenth (ENGINE-27002), so anybody could lock
 * out any clerk, or the administrator who would have to unlock them. {@link LoginThrottle} slows
 * down guessing per account and address instead. A password check no longer writes to the
 * database either, and locks left by the engine before are ignored.
 */
@Component
public class NoEngineLockout extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return DbIdentityServiceProvider.class;
      }

      @Override
      public Session openSession() {
        return new WithoutLockout();
      }
    });
  }

  static class WithoutLockout extends DbIdentityServiceProvider {

    @Override
    public boolean checkPassword(String userId, String password) {
      UserEntity user = findUserById(userId);
      return user != null && password != null && matchPassword(password, user);
    }
  }
}
