package cn.gov.wuzhou.tolerance.consultation;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code startLevelConsultations}: when the cycle comes round, one consultation per level. */
@Component("startLevelConsultations")
public class StartLevelConsultations implements JavaDelegate {

  static final String PROCESS_KEY = "jointConsultation";

  private final RuntimeService runtimeService;
  private final ConsultationLevels levels;

  public StartLevelConsultations(RuntimeService runtimeService, ConsultationLevels levels) {
    this.runtimeService = runtimeService;
    this.levels = levels;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (ConsultationLevel level : levels.all()) {
      runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of("level", level.code()));
    }
  }
}
