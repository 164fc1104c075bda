package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.common.Determination;
import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code compileOpinions}: the agencies' opinions side by side, for the office and the committee. */
@Component("compileOpinions")
public class CompileOpinions implements JavaDelegate {

  private final DeliberatingAgencies agencies;

  public CompileOpinions(DeliberatingAgencies agencies) {
    this.agencies = agencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StringJoiner summary = new StringJoiner("\n");
    for (String agency : agencies.groups(execution)) {
      String opinion = (String) execution.getVariable(DeliberatingAgencies.opinionVariable(agency));
      summary.add(agencies.label(agency) + "：" + Determination.valueOf(opinion).label() + "。"
          + execution.getVariable(DeliberatingAgencies.commentVariable(agency)));
    }
    execution.setVariable("opinionsSummary", summary.toString());
  }
}
