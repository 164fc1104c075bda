package cn.gov.wuzhou.tolerance.consultation;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.ConsultationRecord;
import cn.gov.wuzhou.tolerance.registry.ConsultationRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code fileMinutes}: the consultation's minutes into the registry, as {@code consultationNo}. */
@Component("fileMinutes")
public class FileMinutes implements JavaDelegate {

  private final ConsultationRegistry registry;
  private final Today today;

  public FileMinutes(ConsultationRegistry registry, Today today) {
    this.registry = registry;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = registry.file(new ConsultationRecord(
        null,
        execution.getProcessInstanceId(),
        text(execution, "level"),
        text(execution, "levelName"),
        today.date(),
        text(execution, "brief"),
        text(execution, "disciplineInput"),
        text(execution, "organizationInput"),
        text(execution, "resolutions"),
        text(execution, "followUpItems"),
        text(execution, "minutesRecordedBy")));
    execution.setVariable("consultationNo", number);
  }
}
