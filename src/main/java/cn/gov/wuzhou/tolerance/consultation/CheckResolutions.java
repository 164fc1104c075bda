package cn.gov.wuzhou.tolerance.consultation;

import cn.gov.wuzhou.tolerance.common.Fields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code recordResolutions}: the minutes need resolutions; follow-up items are optional. */
@Component("checkResolutions")
public class CheckResolutions implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    fields.text("resolutions", "议定事项", 4000);
    task.setVariable("hasFollowUps", fields.optionalText("followUpItems", "需上级党委（党组）落实的事项", 4000) != null);
    task.setVariable("minutesRecordedBy", task.getAssignee());
  }
}
