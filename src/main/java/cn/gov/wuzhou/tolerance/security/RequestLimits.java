package cn.gov.wuzhou.tolerance.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request to {@code /engine-rest}, {@code /api} or the webapps' API may carry.
 *
 * @param maxBody the largest request body; a larger one is refused with 413 before anything reads it
 */
@ConfigurationProperties("tolerance.requests")
public record RequestLimits(DataSize maxBody) {

  public RequestLimits {
    maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
  }
}
