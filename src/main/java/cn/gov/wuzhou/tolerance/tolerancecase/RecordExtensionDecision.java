package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;
import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code decideCorrectionExtension} (M5): 纪委监委 grants the unit's request — the deadline it grants
 * (by default the one asked for) becomes the deadline in force and the supervision and closure move with it — or
 * refuses it; either way with its reason. {@code correctionExtensions} keeps every request and decision, in the
 * order made, for the case file and the decision's basis.
 */
@Component("recordExtensionDecision")
public class RecordExtensionDecision implements TaskListener {

  static final String RECORD = "correctionExtensions";
  private static final String GRANTED = "grantedDeadline";
  private static final String GRANTED_LABEL = "同意延长至";

  private final CorrectionDeadline deadline;
  private final Today today;

  public RecordExtensionDecision(CorrectionDeadline deadline, Today today) {
    this.deadline = deadline;
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    boolean granted = fields.bool("extensionGranted", "是否同意延期");
    String reason = fields.text("extensionDecisionReason", "审批理由", 2000).replaceAll("[。；;.\\s]+$", "");
    LocalDate inForce = deadline.inForce(task);
    LocalDate requested = date(task, CheckExtensionRequest.REQUESTED);
    String request = "单位于 " + text(task, "extensionRequestedOn") + " 申请将整改期限由 " + inForce + " 延至 " + requested
        + "，理由：" + text(task, "extensionReason").replaceAll("[。；;.\\s]+$", "");
    String decision;
    if (granted) {
      LocalDate chosen = fields.optionalDate(GRANTED, GRANTED_LABEL);
      LocalDate extended = deadline.extension(task, chosen == null ? requested : chosen, GRANTED, GRANTED_LABEL);
      task.setVariable(GRANTED, extended.toString());
      deadline.move(task, task.getProcessInstanceId(), extended);
      decision = "纪委监委于 " + today.date() + " 同意延至 " + extended + "，理由：" + reason;
    } else {
      task.removeVariable(GRANTED);
      decision = "纪委监委于 " + today.date() + " 不同意延期，理由：" + reason;
    }
    String earlier = text(task, RECORD);
    task.setVariable(RECORD, (earlier == null ? "" : earlier + "；") + request + "，" + decision);
  }
}
