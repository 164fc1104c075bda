package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.database.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the read API as a JSON body with its status; never a stack trace or an HTML page. */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e, HttpServletRequest request) {
    return body(e.status(), e.getMessage(), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return body(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return body(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的取值 " + e.getValue() + " 格式不正确", request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
    return body(HttpStatus.NOT_FOUND, "没有这个接口：" + request.getRequestURI(), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, "此接口不支持 " + e.getMethod() + " 请求", request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
    if (DatabaseOutage.causedBy(e)) {
      LOG.warn("Database out of reach on {}: {}", request.getRequestURI(), e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
          .body(body(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE, request).getBody());
    }
    LOG.error("Read API failed on {}", request.getRequestURI(), e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试或联系管理员", request);
  }

  /** The JSON body of every error of the API; public for the advice of features outside this package. */
  public static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, HttpServletRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    body.put("path", request.getRequestURI());
    return ResponseEntity.status(status).body(body);
  }
}
