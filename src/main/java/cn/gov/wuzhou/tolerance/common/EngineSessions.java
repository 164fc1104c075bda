package cn.gov.wuzhou.tolerance.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** The engine's sessions (its managers, its identity provider) replaced by subclasses of the application's. */
public final class EngineSessions {

  private EngineSessions() {}

  /** A factory of sessions of that type, each made new per command. */
  public static SessionFactory of(Class<?> type, Supplier<? extends Session> sessions) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return sessions.get();
      }
    };
  }

  /** Replaces the engine's own factory of that type: custom factories are registered after the engine's. */
  public static void replace(ProcessEngineConfigurationImpl configuration, Class<?> type,
      Supplier<? extends Session> sessions) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(of(type, sessions));
    configuration.setCustomSessionFactories(factories);
  }
}
