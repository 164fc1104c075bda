package cn.gov.wuzhou.tolerance.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.stereotype.Component;

/**
 * The engine REST API at {@code /engine-rest}, with {@link EngineErrors} in place of two of its handlers,
 * {@link MalformedJson} in place of two more, and unexpected failures (the losing side of a race) also
 * through {@link EngineErrors}.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  private static final Set<Class<?>> REPLACED = Set.of(ProcessEngineExceptionHandler.class, RestExceptionHandler.class,
      JsonMappingExceptionHandler.class, JsonParseExceptionHandler.class);

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    registerClasses(CamundaRestResources.getConfigurationClasses().stream()
        .filter(type -> !REPLACED.contains(type))
        .collect(Collectors.toSet()));
    register(JacksonFeature.class);
    register(EngineExceptionMapper.class);
    register(WrappedExceptionMapper.class);
    register(UnexpectedExceptionMapper.class);
    register(MalformedJson.NotJson.class);
    register(MalformedJson.WrongShape.class);
    // a failure no mapper answered leaves the response open (status 500, not Tomcat's error state, in which nothing
    // more can be written): DatabaseOutageFilter can still turn it into a 503 with its message
    property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
  }

  public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return EngineErrors.toResponse(exception, uri.getPath());
    }
  }

  public static class WrappedExceptionMapper implements ExceptionMapper<RestException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(RestException exception) {
      return EngineErrors.toResponse(exception, uri.getPath());
    }
  }

  /** Not an engine exception: a NullPointerException of the engine when two clerks complete a task at once. */
  public static class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(RuntimeException exception) {
      return EngineErrors.toResponse(exception, uri.getPath());
    }
  }
}
