package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creation of {@code acknowledgeProtection}: the task shows the body the matters it is to take note of. */
@Component("showNoticeMatters")
public class ShowNoticeMatters implements TaskListener {

  private final ProtectionNotices notices;

  public ShowNoticeMatters(ProtectionNotices notices) {
    this.notices = notices;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal("noticeMatters", notices.mattersOf(task, text(task, "noticeGroup")));
  }
}
