package cn.gov.wuzhou.tolerance.integrity;

import cn.gov.wuzhou.tolerance.common.CallableFromModels;
import org.springframework.stereotype.Component;

/**
 * The timer start of {@code integrityCheck} reads {@code ${integritySchedule.cycle()}}; the engine schedules it when
 * the process is deployed, so a changed cycle applies from the next deployment.
 */
@CallableFromModels
@Component("integritySchedule")
public class IntegritySchedule {

  private final String cycle;

  public IntegritySchedule(IntegrityProperties properties) {
    this.cycle = properties.checkCycle();
  }

  public String cycle() {
    return cycle;
  }
}
