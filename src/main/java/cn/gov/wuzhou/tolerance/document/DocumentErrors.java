package cn.gov.wuzhou.tolerance.document;

import cn.gov.wuzhou.tolerance.api.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Uploads refused before they reach {@link DocumentApi}, as JSON like every other error of the API.
 * Ahead of {@link ApiErrors}, whose catch-all would answer them with a 500; a file over the limit is
 * refused while the request is read, before any controller is chosen, so this advice applies to all.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentErrors {

  private final DocumentProperties properties;

  DocumentErrors(DocumentProperties properties) {
    this.properties = properties;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return ApiErrors.body(HttpStatus.PAYLOAD_TOO_LARGE,
        "文件超过 " + properties.maxSizeText() + "，不能上传；请压缩或拆分后分别上传", request);
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Map<String, Object>> noFile(MissingServletRequestPartException e, HttpServletRequest request) {
    return ApiErrors.body(HttpStatus.BAD_REQUEST, "缺少文件：请在 multipart/form-data 的 file 字段中上传材料", request);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> malformed(MultipartException e, HttpServletRequest request) {
    return ApiErrors.body(HttpStatus.BAD_REQUEST, "上传的内容不是有效的 multipart/form-data 请求", request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> notMultipart(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return ApiErrors.body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 multipart/form-data 上传材料（file 字段为文件）", request);
  }
}
