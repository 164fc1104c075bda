package cn.gov.wuzhou.tolerance.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ContextResolver;
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
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.stereotype.Component;

/**
 * The engine REST API at {@code /engine-rest}, with {@link EngineErrors} in place of two of its handlers,
 * {@link MalformedJson} in place of two more, unexpected failures (the losing side of a race) also
 * through {@link EngineErrors}, and one {@link SharedObjectMapper} in place of Camunda's new one per use.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  private static final Set<Class<?>> REPLACED = Set.of(ProcessEngineExceptionHandler.class, RestExceptionHandler.class,
      JsonMappingExceptionHandler.class, JsonParseExceptionHandler.class, JacksonConfigurator.class);

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    registerClasses(CamundaRestResources.getConfigurationClasses().stream()
        .filter(type -> !REPLACED.contains(type))
        .collect(Collectors.toSet()));
    register(JacksonFeature.class);
    register(SharedObjectMapper.class);
    register(EngineExceptionMapper.class);
    register(WrappedExceptionMapper.class);
    register(UnexpectedExceptionMapper.class);
    register(MalformedJson.NotJson.class);
    register(MalformedJson.WrongShape.class);
    // a failure no mapper answered leaves the response open (status 500, not Tomcat's error state, in which nothing
    // more can be written): DatabaseOutageFilter can still turn it into a 503 with its message
    property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
  }

  /**
   * Camunda's mapper, configured as Camunda configures it, made once: Camunda's own resolver made a new one for every
   * use, and a task list's query (a filter's list) then built the deserializer of its 150-field query anew for every
   * request, 7 % of the server's CPU over REST (benchmark). A configured mapper is safe to share between threads.
   */
  public static class SharedObjectMapper implements ContextResolver<ObjectMapper> {

    private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return MAPPER;
    }
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
