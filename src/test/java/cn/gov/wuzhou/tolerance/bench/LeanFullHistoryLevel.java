package cn.gov.wuzhou.tolerance.bench;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Prototype of a candidate change (benchmark only): history level {@code full} without the two
 * kinds of rows that repeat what the audit trail already holds or serve operations only: the job
 * log (ACT_HI_JOB_LOG: when each service step's job was created, failed, done) and the form-field
 * records of each submitted form (ACT_HI_DETAIL rows of type FormProperty, which duplicate the
 * variable-update rows the same submission writes). Process, activity, task, variable, variable
 * update, identity link, decision (DMN), incident and user-operation history stay as in full.
 */
final class LeanFullHistoryLevel implements HistoryLevel {

  static final String NAME = "full-lean";

  private static final Set<HistoryEventType> LEFT_OUT = Set.of(
      HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_FAIL, HistoryEventTypes.JOB_SUCCESS,
      HistoryEventTypes.JOB_DELETE, HistoryEventTypes.FORM_PROPERTY_UPDATE);

  @Override
  public int getId() {
    return 40;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !LEFT_OUT.contains(eventType) && HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }

  /** Registers the level; select it with {@code camunda.bpm.history-level=full-lean}. */
  static final class Plugin extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setCustomHistoryLevels(List.of(new LeanFullHistoryLevel()));
    }
  }
}
