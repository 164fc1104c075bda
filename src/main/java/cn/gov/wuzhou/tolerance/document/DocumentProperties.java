package cn.gov.wuzhou.tolerance.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the documents (材料) under {@code tolerance.documents} in application.yaml.
 *
 * @param maxSize the largest file that may be attached to a case
 */
@ConfigurationProperties("tolerance.documents")
public record DocumentProperties(DataSize maxSize) {

  public DocumentProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
  }

  /** The limit as clerks read it: {@code 20 MB}. */
  String maxSizeText() {
    long bytes = maxSize.toBytes();
    if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
      return maxSize.toMegabytes() + " MB";
    }
    return bytes % 1024 == 0 ? maxSize.toKilobytes() + " KB" : bytes + " 字节";
  }
}
