package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@code /engine-rest} and the registry's {@code /api} behind HTTP Basic authentication
 * against the Camunda identity service; the authenticated user's groups then drive the engine's
 * authorization checks. The webapps keep their own session login. Every password check, HTTP Basic
 * or the webapps' login form, goes through {@link LoginThrottleFilter} first.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfig {

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottle(SecurityProperties security, CamundaBpmProperties camunda) {
    String webapp = camunda.getWebapp().getApplicationPath();
    LoginThrottle throttle = new LoginThrottle(security.loginThrottle(), Clock.systemUTC());
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, webapp));
    registration.setName("loginThrottle");
    registration.addUrlPatterns("/engine-rest", "/engine-rest/*", "/api", "/api/*", webapp + "/api/admin/auth/user/*");
    // before the authentication filters, so that a pair that has to wait is not even checked
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    return authentication("engineRestAuthentication", "/engine-rest", "/engine-rest/*");
  }

  @Bean
  FilterRegistrationBean<Filter> registryApiAuthentication() {
    return authentication("registryApiAuthentication", "/api", "/api/*");
  }

  private static FilterRegistrationBean<Filter> authentication(String name, String prefix, String pattern) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(pattern);
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, BasicAuthenticationWithJsonBody.class.getName(),
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, prefix));
    return registration;
  }
}
