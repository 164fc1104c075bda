package cn.gov.wuzhou.tolerance.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request body that is not JSON, or not of the expected shape: 400 with a JSON body that says
 * where, instead of plain text naming internal classes. Ahead of the mappers for the same exceptions
 * that Jersey's JacksonFeature registers.
 */
public final class MalformedJson {

  private MalformedJson() {}

  @Priority(Priorities.USER - 1)
  public static class NotJson implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      JsonLocation at = exception.getLocation();
      String where = at == null ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列附近）";
      return badRequest("请求内容不是格式正确的 JSON" + where, null);
    }
  }

  @Priority(Priorities.USER - 1)
  public static class WrongShape implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      String field = exception.getPath().stream()
          .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return field.isEmpty() ? badRequest("请求内容的结构不正确", null)
          : badRequest("请求内容中 " + field + " 的取值格式不正确", field);
    }
  }

  private static Response badRequest(String message, String field) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
