package cn.gov.wuzhou.tolerance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@link RequestLimits#maxBody()} with 413 and a JSON body, before the
 * engine or the authentication reads it: by its declared length, or for a body sent without one,
 * by reading no more than the limit. Documents uploaded to {@code /api} have a limit of their own.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;

  RequestSizeLimit(RequestLimits limits) {
    this.maxBytes = limits.maxBody().toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") && request.getContentType() != null
        && request.getContentType().startsWith("multipart/form-data")) {
      // a document's upload: held to tolerance.documents.max-size by the multipart configuration instead
      chain.doFilter(request, response);
      return;
    }
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      refuse(response);
      return;
    }
    if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
      byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE));
      if (body.length > maxBytes) {
        refuse(response);
        return;
      }
      chain.doFilter(new ReadBodyRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"RequestTooLarge\",\"message\":\"请求内容过大：不能超过 "
        + (maxBytes / 1024) + " KB\"}");
  }
}
