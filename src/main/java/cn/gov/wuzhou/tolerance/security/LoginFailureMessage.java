package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form says why a login failed in Chinese: their login resource refuses a wrong user name or
 * password with a bare 401, which the login page printed as "登录失败：Unauthorized". The refusal keeps its status
 * and gets a JSON body whose message the page shows.
 */
class LoginFailureMessage extends OncePerRequestFilter {

  static final String BODY = "{\"type\":\"LoginFailed\",\"message\":\"用户名或密码错误\"}";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/")) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void sendError(int status) throws IOException {
        sendError(status, null);
      }

      @Override
      public void sendError(int status, String message) throws IOException {
        if (status != SC_UNAUTHORIZED) {
          super.sendError(status, message);
          return;
        }
        setStatus(status);
        setContentType("application/json;charset=UTF-8");
        getWriter().write(BODY);
      }
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<LoginFailureMessage> loginFailureMessage(CamundaBpmProperties camunda) {
      FilterRegistrationBean<LoginFailureMessage> registration = new FilterRegistrationBean<>(new LoginFailureMessage());
      registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
      return registration;
    }
  }
}
