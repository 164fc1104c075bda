package cn.gov.wuzhou.tolerance.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the documents (材料) under {@code tolerance.documents} in application.yaml.
 *
 * @param maxSize    the largest file that may be attached to a case
 * @param maxPerCase all the documents of one case together, at most
 */
@ConfigurationProperties("tolerance.documents")
public record DocumentProperties(DataSize maxSize, DataSize maxPerCase) {

  public DocumentProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
    maxPerCase = maxPerCase == null ? DataSize.ofMegabytes(200) : maxPerCase;
  }

  /** The limit as clerks read it: {@code 20 MB}. */
  String maxSizeText() {
    return text(maxSize);
  }

  String maxPerCaseText() {
    return text(maxPerCase);
  }

  static String text(DataSize size) {
    long bytes = size.toBytes();
    if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
      return size.toMegabytes() + " MB";
    }
    return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " 字节";
  }
}
