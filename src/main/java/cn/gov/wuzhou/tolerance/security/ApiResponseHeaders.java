package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of the APIs ({@code /engine-rest}, {@code /api}, {@code /api-docs}), which the
 * webapps' header filter does not cover: answers are never to be sniffed as another type, nor kept
 * in any cache (they are case data); over HTTPS only, when configured (prod).
 */
class ApiResponseHeaders extends OncePerRequestFilter {

  static final String HSTS = "max-age=31536000";

  private final boolean hsts;

  ApiResponseHeaders(boolean hsts) {
    this.hsts = hsts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (hsts) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, new NoStore(response));
  }

  /** Keeps {@code no-store}: some engine resources set {@code no-cache}, which still lets a cache keep the data. */
  private static final class NoStore extends HttpServletResponseWrapper {

    NoStore(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }
  }
}
