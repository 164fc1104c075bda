package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.security.LoginThrottle.Refused;
import cn.gov.wuzhou.tolerance.security.LoginThrottle.Verdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link LoginThrottle} to every password check a client can cause: HTTP Basic on
 * {@code /engine-rest} and {@code /api}, and the webapps' login form. A pair that has to wait gets
 * 429 with {@code Retry-After}, and its password is not checked at all.
 *
 * <p>The client address is the request's remote address: behind a load balancer, Tomcat must be told
 * to take it from {@code X-Forwarded-For} (see README), or every client would share the balancer's.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  /** Request attribute by which {@link BasicAuthenticationWithJsonBody} reports the result of its check. */
  static final String AUTHENTICATED = LoginThrottleFilter.class.getName() + ".authenticated";

  // a login form is a few dozen bytes; more is not read into memory
  private static final int MAX_FORM_BYTES = 8 * 1024;
  private static final String FORM = "application/x-www-form-urlencoded";

  private final LoginThrottle throttle;
  private final Pattern webappLogin;

  LoginThrottleFilter(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.webappLogin = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  private record Attempt(String user, HttpServletRequest request, boolean form) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Attempt attempt;
    if (isWebappLogin(request)) {
      byte[] form = formBody(request);
      if (form.length > MAX_FORM_BYTES) {
        refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "{\"type\":\"PayloadTooLarge\",\"message\":\"登录表单过大\"}");
        return;
      }
      HttpServletRequest readable = new ReadBodyRequest(request, form);
      String user = username(form);
      if (user == null) {
        chain.doFilter(readable, response);
        return;
      }
      attempt = new Attempt(user, readable, true);
    } else {
      attempt = basicLogin(request);
      if (attempt == null) {
        chain.doFilter(request, response);
        return;
      }
    }
    String address = request.getRemoteAddr();
    Verdict verdict = throttle.admit(attempt.user(), address);
    if (verdict instanceof Refused refused) {
      tooManyAttempts(response, refused);
      return;
    }
    try {
      chain.doFilter(attempt.request(), response);
    } finally {
      Boolean authenticated = attempt.form() ? formOutcome(response.getStatus())
          : (Boolean) request.getAttribute(AUTHENTICATED);
      if (authenticated == null) {
        throttle.released(attempt.user(), address);
      } else if (authenticated) {
        throttle.succeeded(attempt.user(), address);
      } else {
        throttle.failed(attempt.user(), address);
      }
    }
  }

  private boolean isWebappLogin(HttpServletRequest request) {
    // the decoded, normalised path, as the webapp's JAX-RS servlet routes it
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return "POST".equals(request.getMethod()) && webappLogin.matcher(path).matches();
  }

  private static Attempt basicLogin(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = credentials.indexOf(':');
    return colon <= 0 ? null : new Attempt(credentials.substring(0, colon), request, false);
  }

  private static byte[] formBody(HttpServletRequest request) throws IOException {
    boolean form = request.getContentType() != null && request.getContentType().startsWith(FORM);
    return form ? request.getInputStream().readNBytes(MAX_FORM_BYTES + 1) : new byte[0];
  }

  private static String username(byte[] form) {
    for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && "username".equals(pair.substring(0, equals))) {
        String user = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        return user.isEmpty() ? null : user;
      }
    }
    return null;
  }

  // the login resource answers 200 with the user, 401 for a wrong password; anything else (a missing
  // CSRF token, no access to the app) tells nothing about the password and must not clear the count
  private static Boolean formOutcome(int status) {
    return status == HttpStatus.OK.value() ? Boolean.TRUE
        : status == HttpStatus.UNAUTHORIZED.value() ? Boolean.FALSE : null;
  }

  private static void tooManyAttempts(HttpServletResponse response, Refused refused) throws IOException {
    long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    refuse(response, HttpStatus.TOO_MANY_REQUESTS, "{\"type\":\"TooManyLoginAttempts\",\"message\":"
        + "\"该账号从本地址登录失败次数过多，请 " + seconds + " 秒后再试\",\"retryAfterSeconds\":" + seconds + "}");
  }

  private static void refuse(HttpServletResponse response, HttpStatus status, String json) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json);
  }
}
