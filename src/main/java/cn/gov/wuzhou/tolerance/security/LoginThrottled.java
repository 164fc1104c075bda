package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A password check refused because this account failed too often from this address ({@link LoginThrottle}): the
 * password was not checked. Answered 429 with {@code Retry-After}, by {@link ClientAddress} when a servlet filter
 * checked the password (HTTP Basic), by {@link Mapper} when a JAX-RS resource did (the webapps' login). A client's
 * request, not the engine's failure: the engine logs it as such (a {@link BadUserRequestException}), not as an error.
 */
public class LoginThrottled extends BadUserRequestException {

  private final long seconds;

  LoginThrottled(Duration retryAfter) {
    super("too many failed logins of this account from this address");
    this.seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  private Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "TooManyLoginAttempts");
    body.put("message", "该账号从本地址登录失败次数过多，请 " + seconds + " 秒后再试");
    body.put("retryAfterSeconds", seconds);
    return body;
  }

  void writeTo(HttpServletResponse response) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> body = body();
    response.getWriter().write("{\"type\":\"" + body.get("type") + "\",\"message\":\"" + body.get("message")
        + "\",\"retryAfterSeconds\":" + seconds + "}");
  }

  /** For every JAX-RS application on the server (registered by {@link EngineApiGuardDiscovery}). */
  public static class Mapper implements ExceptionMapper<LoginThrottled> {
    @Override
    public Response toResponse(LoginThrottled throttled) {
      return Response.status(HttpStatus.TOO_MANY_REQUESTS.value())
          .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.seconds))
          .entity(throttled.body()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }
}
