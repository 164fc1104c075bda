package cn.gov.wuzhou.tolerance.security;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts {@link EngineApiGuard} into every JAX-RS application on the server, as a Jersey service
 * (META-INF/services): the webapps create their engine API ({@code /camunda/api/engine}, which a
 * clerk logged into Tasklist may call too) themselves, beyond the reach of Spring's configuration.
 * The guard acts only on the engine API's resources. Also answers a throttled login ({@link LoginThrottled}) in
 * each of them, the webapps' login resource among them.
 */
public class EngineApiGuardDiscovery implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER
        && !context.getConfiguration().isRegistered(EngineApiGuard.class)) {
      context.register(EngineApiGuard.class);
      context.register(LoginThrottled.Mapper.class);
    }
  }
}
