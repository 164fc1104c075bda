package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@code /engine-rest} and the registry's {@code /api} behind HTTP Basic authentication
 * against the Camunda identity service; the authenticated user's groups then drive the engine's
 * authorization checks. The webapps keep their own session login, which {@code /api} also accepts (for the
 * webapps' plugins), with a CSRF token for what changes something ({@link ApiSessionCsrfFilter}). Every API
 * answer gets the {@link ApiResponseHeaders}; every request to these APIs and the webapps' own API is held to
 * {@link RequestLimits}; every password check, whatever its path, is throttled
 * where the identity service makes it ({@link ThrottledPasswordCheck}), told the client's address by {@link ClientAddress}.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfig {

  private static final String[] API_DOCS = {"/api-docs", "/api-docs/*", "/api-docs.yaml"};

  @Bean
  FilterRegistrationBean<ApiResponseHeaders> apiResponseHeaders(SecurityProperties security) {
    FilterRegistrationBean<ApiResponseHeaders> registration =
        new FilterRegistrationBean<>(new ApiResponseHeaders(security.hsts()));
    registration.setName("apiResponseHeaders");
    registration.addUrlPatterns("/engine-rest", "/engine-rest/*", "/api", "/api/*");
    registration.addUrlPatterns(API_DOCS);
    // first, so that every answer carries them, refusals included
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  // before the authentication, so an oversized body is refused before anything reads it
  @Bean
  FilterRegistrationBean<Filter> requestSizeLimit(RequestLimits limits) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestSizeLimit(limits));
    registration.setName("requestSizeLimit");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  // every request: any path may lead to a password check (the APIs' HTTP Basic, the webapps' login form, …)
  @Bean
  FilterRegistrationBean<ClientAddress> clientAddress() {
    FilterRegistrationBean<ClientAddress> registration = new FilterRegistrationBean<>(new ClientAddress());
    registration.setName("clientAddress");
    registration.addUrlPatterns("/*");
    // before the authentication filters, whose password checks it answers with 429 when they have to wait
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    return authentication("engineRestAuthentication", new EveryPathAuthenticated(),
        BasicAuthenticationWithJsonBody.class, "/engine-rest", "/engine-rest/*");
  }

  @Bean
  FilterRegistrationBean<Filter> registryApiAuthentication(ProcessEngine engine) {
    return authentication("registryApiAuthentication", new ApplicationEngineAuthentication(engine),
        SessionOrBasicAuthentication.class, "/api", "/api/*");
  }

  /** Under prod: the description of the API tells an outsider too much about it. */
  @Bean
  @ConditionalOnProperty(name = "tolerance.security.api-docs-login", havingValue = "true")
  FilterRegistrationBean<Filter> apiDocsAuthentication(ProcessEngine engine) {
    return authentication("apiDocsAuthentication", new ApplicationEngineAuthentication(engine),
        BasicAuthenticationWithJsonBody.class, "/api-docs", API_DOCS);
  }

  private static FilterRegistrationBean<Filter> authentication(String name, ProcessEngineAuthenticationFilter filter,
      Class<? extends BasicAuthenticationWithJsonBody> provider, String prefix, String... patterns) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(patterns);
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, provider.getName(),
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, prefix));
    return registration;
  }

  /**
   * Camunda's filter, except that {@code /engine-rest/engine} (the list of engines, which it leaves open) needs a
   * login too: an anonymous caller learns nothing about the server. A path that names no engine is the default
   * engine's, as the REST resources take it.
   */
  static class EveryPathAuthenticated extends ProcessEngineAuthenticationFilter {

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }

    @Override
    protected String extractEngineName(String requestUrl) {
      String named = ENGINE_REQUEST_URL_PATTERN.matcher(requestUrl).find() ? super.extractEngineName(requestUrl) : null;
      return named == null || named.isEmpty() ? null : named;
    }
  }

  /**
   * Authenticates against the application's own engine, whatever its name: the read API and its
   * description know no other, and read the caller from this engine.
   */
  static class ApplicationEngineAuthentication extends ProcessEngineAuthenticationFilter {

    private final ProcessEngine engine;

    ApplicationEngineAuthentication(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      return engine;
    }
  }
}
