package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@code /engine-rest} and the registry's {@code /api} behind HTTP Basic authentication
 * against the Camunda identity service; the authenticated user's groups then drive the engine's
 * authorization checks. The webapps keep their own session login. Every request to these APIs and the
 * webapps' own API is first held to {@link RequestLimits}.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfig {

  // before the authentication, so an oversized body is refused before anything reads it
  @Bean
  FilterRegistrationBean<Filter> requestSizeLimit(RequestLimits limits) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestSizeLimit(limits));
    registration.setName("requestSizeLimit");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
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
