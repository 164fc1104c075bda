package cn.gov.wuzhou.tolerance.identity;

import cn.gov.wuzhou.tolerance.common.EngineSessions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;
import org.springframework.stereotype.Component;

/**
 * A request for a filter's tasks (Tasklist's list: {@code POST …/filter/{id}/list}, or {@code …/count}) reads the
 * filter and checks the caller's {@code READ} on it once, not in each of the engine commands the request runs (the
 * page, the count, the query's type: three reads and three checks, 6 of the 14 statements of a list over REST).
 * The request has one caller; its later commands get the first one's answer, and the next request asks again.
 */
@Component
public class TasklistFilterReads extends AbstractProcessEnginePlugin implements Filter {

  private static final Pattern FILTER_TASKS = Pattern.compile(".*/filter/[^/]+/(list|count)");
  private static final ThreadLocal<Map<String, FilterEntity>> READ = new ThreadLocal<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, FilterManager.class, OncePerRequest::new);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !FILTER_TASKS.matcher(http.getRequestURI()).matches()) {
      chain.doFilter(request, response);
      return;
    }
    READ.set(new HashMap<>());
    try {
      chain.doFilter(request, response);
    } finally {
      READ.remove();
    }
  }

  static final class OncePerRequest extends FilterManager {

    @Override
    public FilterEntity findFilterById(String filterId) {
      Map<String, FilterEntity> read = READ.get();
      if (read == null) {
        return super.findFilterById(filterId);
      }
      FilterEntity filter = read.get(filterId);
      if (filter == null) {
        filter = super.findFilterById(filterId);
        if (filter != null) {
          read.put(filterId, filter);
        }
      }
      return filter;
    }
  }
}
