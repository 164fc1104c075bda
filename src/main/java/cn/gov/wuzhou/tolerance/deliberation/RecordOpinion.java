package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.Fields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code giveOpinion}: checks the agency's opinion and keeps it under the agency's own
 * names ({@code opinion.discipline-inspection}, …), so the office sees all of them side by side.
 */
@Component("recordOpinion")
public class RecordOpinion implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    Determination opinion = fields.outcome("opinion", "会商意见");
    String comment = fields.text("opinionComment", "意见说明", 2000);
    String agency = (String) task.getVariable("agency");
    task.getExecution().getProcessInstance().setVariable(DeliberatingAgencies.opinionVariable(agency), opinion.name());
    task.getExecution().getProcessInstance().setVariable(DeliberatingAgencies.commentVariable(agency), comment);
  }
}
