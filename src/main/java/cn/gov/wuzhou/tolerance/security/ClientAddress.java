package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the password check ({@link ThrottledPasswordCheck}) which client address the request it serves comes from,
 * and answers 429 when that check says the client has to wait. It reads nothing of the request but its remote
 * address: what the credentials are, and how they are spelled, is for whoever checks them.
 *
 * <p>Behind a load balancer, Tomcat must be told to take the address from {@code X-Forwarded-For} (see README),
 * or every client would share the balancer's.
 */
class ClientAddress extends OncePerRequestFilter {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /** The address of the client whose request this thread serves; empty outside a request (the system's own work). */
  static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CURRENT.set(request.getRemoteAddr());
    try {
      chain.doFilter(request, response);
    } catch (LoginThrottled throttled) {
      // from a password check in a servlet filter (HTTP Basic); the JAX-RS applications map it themselves
      throttled.writeTo(response);
    } finally {
      CURRENT.remove();
    }
  }

  // the filters also run for error dispatches and async re-dispatches: the address stays set for those
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }
}
