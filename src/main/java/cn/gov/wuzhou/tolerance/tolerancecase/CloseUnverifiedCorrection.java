package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code closeUnverifiedCorrection}: no case waits for ever. A correction the commission has not
 * verified {@code tolerance.correction-closing-days} after its deadline is closed as not corrected in time,
 * and the case goes on to review with what is known.
 */
@Component("closeUnverifiedCorrection")
public class CloseUnverifiedCorrection implements JavaDelegate {

  private final ToleranceProperties properties;

  public CloseUnverifiedCorrection(ToleranceProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("correctedTimely", false);
    execution.setVariable("correctionVerified", false); // never verified: no ground for 减轻处理 either
    execution.setVariable("correctionNote", "整改期限（" + text(execution, "correctionDeadline") + "）届满 "
        + properties.correctionClosingDays() + " 日仍未核实整改到位，按未及时纠错处理");
  }
}
