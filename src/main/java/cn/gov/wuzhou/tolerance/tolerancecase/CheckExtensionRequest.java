package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.Today;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code requestCorrectionExtension} (M5): the unit asks 纪委监委 for a later deadline, saying until when
 * and why. Only the request is recorded here; the deadline changes when 纪委监委 grants it.
 */
@Component("checkExtensionRequest")
public class CheckExtensionRequest implements TaskListener {

  static final String REQUESTED = "requestedDeadline";
  static final String REQUESTED_LABEL = "申请延长至";

  private final CorrectionDeadline deadline;
  private final Today today;

  public CheckExtensionRequest(CorrectionDeadline deadline, Today today) {
    this.deadline = deadline;
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    deadline.extension(task, fields.date(REQUESTED, REQUESTED_LABEL), REQUESTED, REQUESTED_LABEL);
    fields.text("extensionReason", "申请延期理由", 2000);
    task.setVariable("extensionRequestedOn", today.date().toString());
  }
}
