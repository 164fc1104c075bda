package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code acknowledgeBySuperiorCommittee} (M5): the superior committee acknowledges the report and sets the
 * case's correction deadline — the one its form shows, one it chooses, or, left empty,
 * {@code correction-deadline-days} from today. The correction already runs; its timers move to the deadline set.
 */
@Component("recordSuperiorAcknowledgement")
public class RecordSuperiorAcknowledgement implements TaskListener {

  private static final String LABEL = "整改期限";

  private final CorrectionDeadline deadline;
  private final Today today;

  public RecordSuperiorAcknowledgement(CorrectionDeadline deadline, Today today) {
    this.deadline = deadline;
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    if (!fields.bool("superiorAcknowledged", "已接收错情报告")) {
      throw new InvalidFieldException("superiorAcknowledged", "已接收错情报告", "须勾选确认");
    }
    LocalDate chosen = fields.optionalDate(CorrectionDeadline.DEADLINE, LABEL);
    LocalDate set = chosen == null ? deadline.byDefault(today.date())
        : deadline.checked(chosen, CorrectionDeadline.DEADLINE, LABEL);
    deadline.move(task, task.getProcessInstanceId(), set);
    task.setVariable("correctionDeadlineSetOn", today.date().toString());
  }
}
