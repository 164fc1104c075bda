package cn.gov.wuzhou.tolerance.deliberation;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Timeout listener of {@code giveOpinion}: an opinion not given by its due date is raised to high
 * priority and gets a reminder comment, which the agency sees in Tasklist (and under 已逾期).
 */
@Component("remindOverdueOpinion")
public class RemindOverdueOpinion implements TaskListener {

  static final int REMINDED_PRIORITY = 90;

  private final TaskService taskService;

  public RemindOverdueOpinion(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setPriority(REMINDED_PRIORITY);
    taskService.createComment(task.getId(), task.getProcessInstanceId(),
        "【催办】会商意见已超过办理期限，请尽快提出意见。");
  }
}
