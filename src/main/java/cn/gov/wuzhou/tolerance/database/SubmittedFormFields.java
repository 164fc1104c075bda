package cn.gov.wuzhou.tolerance.database;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.springframework.stereotype.Component;

/**
 * A submitted form's fields are in the history once, as the variables they set, not a second time as form fields.
 *
 * <p>The engine writes two history rows for each field of a submitted form ({@code ACT_HI_DETAIL}): the field's
 * (type FormField) and the update of the variable the field sets (type VariableUpdate). Both hold the value, the
 * time, the step (activity instance) and the user operation, whose log entry names who submitted. The second is
 * what the case file reads, step by step; the first is left out: about 35 statements per case. A read-only field
 * sent back unchanged writes neither (the form's contract admits only what is to be written).
 */
@Component
public class SubmittedFormFields extends AbstractProcessEnginePlugin {

  // after init: the engine has built its history handler by now
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new HistoryFilter(configuration.getHistoryEventHandler(),
        event -> event instanceof HistoricFormPropertyEventEntity));
  }
}
