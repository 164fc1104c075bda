package cn.gov.wuzhou.tolerance.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/** The engine REST API at {@code /engine-rest}, with {@link EngineErrors} in place of two of its handlers. */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  private static final Set<Class<?>> REPLACED = Set.of(ProcessEngineExceptionHandler.class, RestExceptionHandler.class);

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    registerClasses(CamundaRestResources.getConfigurationClasses().stream()
        .filter(type -> !REPLACED.contains(type))
        .collect(Collectors.toSet()));
    register(JacksonFeature.class);
    register(EngineExceptionMapper.class);
    register(WrappedExceptionMapper.class);
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
}
