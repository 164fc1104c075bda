package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@code /engine-rest} and the registry's {@code /api} behind HTTP Basic authentication
 * against the Camunda identity service; the authenticated user's groups then drive the engine's
 * authorization checks. The webapps keep their own session login, which {@code /api} also accepts
 * (for the webapps' plugins), with a CSRF token for what changes something ({@link ApiSessionCsrfFilter}).
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfig {

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    return authentication("engineRestAuthentication", "/engine-rest", "/engine-rest/*",
        BasicAuthenticationWithJsonBody.class);
  }

  @Bean
  FilterRegistrationBean<Filter> registryApiAuthentication() {
    return authentication("registryApiAuthentication", "/api", "/api/*", SessionOrBasicAuthentication.class);
  }

  private static FilterRegistrationBean<Filter> authentication(String name, String prefix, String pattern,
      Class<? extends BasicAuthenticationWithJsonBody> provider) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(pattern);
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, provider.getName(),
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, prefix));
    return registration;
  }
}
