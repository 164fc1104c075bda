package cn.gov.wuzhou.tolerance.database;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history handler, remembering when each process, activity and task instance it wrote on this node
 * started, until it ends. The engine reads that start back ({@code SELECT … START_TIME_ … WHERE ID_ = ?}) for every
 * later change of the instance, to compute its duration: about 70 statements per case. A start not remembered
 * (written on another node, before a restart, or forgotten beyond {@link #MAX_REMEMBERED}) is read as before.
 */
@Component
public class RememberedStartTimes extends AbstractProcessEnginePlugin {

  // about 10 instances per open case: 20,000 open cases, a few MB
  static final int MAX_REMEMBERED = 200_000;

  private final Handler handler = new Handler();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(handler);
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setHistoryEventHandler(new CompositeHistoryEventHandler(handlers));
  }

  /** Forgets every start, as a restart would. */
  void forget() {
    handler.starts.clear();
  }

  static final class Handler extends DbHistoryEventHandler {

    private final Map<String, Date> starts = new ConcurrentHashMap<>();

    @Override
    protected void insertOrUpdate(HistoryEvent event) {
      if (event instanceof HistoricScopeInstanceEvent scope && event.getId() != null) {
        String key = event.getClass().getSimpleName() + ':' + event.getId();
        if (isInitialEvent(event)) {
          if (scope.getStartTime() != null) {
            if (starts.size() >= MAX_REMEMBERED) {
              starts.clear();
            }
            starts.put(key, scope.getStartTime());
          }
        } else if (getDbEntityManager().getCachedEntity(event.getClass(), event.getId()) == null) {
          Date start = scope.getEndTime() == null ? starts.get(key) : starts.remove(key);
          if (start != null) {
            scope.setStartTime(start);
            getDbEntityManager().merge(event);
            return;
          }
        }
      }
      super.insertOrUpdate(event);
    }
  }
}
