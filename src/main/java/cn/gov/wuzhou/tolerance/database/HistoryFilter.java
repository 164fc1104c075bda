package cn.gov.wuzhou.tolerance.database;

import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/** The engine's history handler, minus the events {@code leftOut} names. */
public record HistoryFilter(HistoryEventHandler next, Predicate<HistoryEvent> leftOut) implements HistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!leftOut.test(event)) {
      next.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    next.handleEvents(events.stream().filter(leftOut.negate()).toList());
  }
}
