package cn.gov.wuzhou.tolerance.consultation;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import cn.gov.wuzhou.tolerance.common.CallableFromModels;
import org.springframework.stereotype.Component;

/**
 * The timer start of {@code jointConsultation} reads {@code ${consultationSchedule.cycle()}}. The engine
 * schedules it when the process is deployed, so a changed cycle applies from the next deployment.
 */
@CallableFromModels
@Component("consultationSchedule")
public class ConsultationSchedule {

  private final String cycle;

  public ConsultationSchedule(ToleranceProperties properties) {
    this.cycle = properties.consultationCycle();
  }

  public String cycle() {
    return cycle;
  }
}
