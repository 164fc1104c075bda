package cn.gov.wuzhou.tolerance.document;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How uploads are received: a file over the limit is refused while it arrives (as
 * {@code MaxUploadSizeExceededException}, answered by {@link DocumentErrors}), before it is read whole;
 * files over 1 MB wait on disk, not in memory, until they are checked. Replaces the
 * {@code spring.servlet.multipart.*} settings, so that the one limit is {@code tolerance.documents.max-size}.
 */
@Configuration(proxyBeanMethods = false)
class DocumentUploads {

  // the title, the task and the multipart boundaries come on top of the file
  private static final long FORM_FIELDS = DataSize.ofKilobytes(64).toBytes();

  @Bean
  MultipartConfigElement multipartConfigElement(DocumentProperties documents) {
    long file = documents.maxSize().toBytes();
    return new MultipartConfigElement("", file, file + FORM_FIELDS, (int) DataSize.ofMegabytes(1).toBytes());
  }
}
