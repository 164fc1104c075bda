package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;
import static cn.gov.wuzhou.tolerance.common.ProcessData.setIfChanged;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The correction deadline in force (M5, 即知即改) and what hangs on it: the supervision that starts at its end and
 * repeats every {@code supervision-interval-days}, the closure {@code correction-closing-days} later, and the due date
 * of the unit's 报告整改完成. The model's timers read {@code supervisionCycle} and {@code correctionClosesAt} when
 * the correction starts; a deadline set later (by the acknowledging committee, or an extension 纪委监委 grants) moves
 * their pending jobs, through the engine's own due-date change, which keeps the supervision's 15-day rhythm from the
 * new deadline and writes the change into the user operation log.
 */
@Component
public class CorrectionDeadline {

  static final String DEADLINE = "correctionDeadline";

  private final ToleranceProperties properties;
  private final Today today;
  private final ManagementService managementService;
  private final TaskService taskService;

  public CorrectionDeadline(ToleranceProperties properties, Today today, ManagementService managementService,
      TaskService taskService) {
    this.properties = properties;
    this.today = today;
    this.managementService = managementService;
    this.taskService = taskService;
  }

  /** The deadline in force, the day the correction is due. */
  LocalDate inForce(VariableScope scope) {
    return date(scope, DEADLINE);
  }

  /** The deadline a case gets when nobody chose one: {@code correction-deadline-days} after the given day. */
  LocalDate byDefault(LocalDate from) {
    return from.plusDays(properties.correctionDeadlineDays());
  }

  /**
   * A deadline a body chose on {@code today}: after today and not more than {@code correction-deadline-max-days}
   * ahead, else 400 naming the field.
   */
  LocalDate checked(LocalDate chosen, String field, String label) {
    LocalDate now = today.date();
    if (!chosen.isAfter(now)) {
      throw new InvalidFieldException(field, label, "须晚于今天（" + now + "）");
    }
    LocalDate latest = now.plusDays(properties.correctionDeadlineMaxDays());
    if (chosen.isAfter(latest)) {
      throw new InvalidFieldException(field, label,
          "不能晚于 " + latest + "（自今日起至多 " + properties.correctionDeadlineMaxDays() + " 日）");
    }
    return chosen;
  }

  /** A later deadline asked for or granted: {@link #checked} and after the deadline in force, else 400 naming the field. */
  LocalDate extension(VariableScope scope, LocalDate chosen, String field, String label) {
    LocalDate inForce = inForce(scope);
    if (!checked(chosen, field, label).isAfter(inForce)) {
      throw new InvalidFieldException(field, label, "须晚于现行整改期限（" + inForce + "）");
    }
    return chosen;
  }

  /** Sets the variables the timers and forms read, before the correction has started. */
  void set(VariableScope scope, LocalDate deadline) {
    setIfChanged(scope, DEADLINE, deadline.toString());
    setIfChanged(scope, "correctionOverdueAt", overdueAt(deadline));
    setIfChanged(scope, "supervisionCycle",
        "R/" + overdueAt(deadline) + "/P" + properties.supervisionIntervalDays() + "D");
    setIfChanged(scope, "correctionClosesAt", closesAt(deadline));
  }

  /** Sets a new deadline in a running case and moves what is pending on the old one. */
  void move(VariableScope scope, String processInstanceId, LocalDate deadline) {
    set(scope, deadline);
    Date overdue = moment(overdueAt(deadline));
    // cascade: the supervisions that follow keep their interval from the new deadline
    timers(processInstanceId, "correctionOverdue").forEach(job -> managementService.setJobDuedate(job.getId(), overdue, true));
    Date closes = moment(closesAt(deadline));
    timers(processInstanceId, "correctionExpired").forEach(job -> managementService.setJobDuedate(job.getId(), closes, false));
    taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("reportCorrectionCompleted")
        .list().forEach(task -> taskService.setDueDate(task.getId(), overdue));
  }

  private List<Job> timers(String processInstanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId).list();
  }

  private String overdueAt(LocalDate deadline) {
    return today.endOf(deadline);
  }

  private String closesAt(LocalDate deadline) {
    return today.endOf(deadline.plusDays(properties.correctionClosingDays()));
  }

  private static Date moment(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }
}
