package cn.gov.wuzhou.tolerance.deliberation;

import cn.gov.wuzhou.tolerance.common.Determination;
import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code compileOpinions}: the five opinions side by side, for the office and the committee. */
@Component("compileOpinions")
public class CompileOpinions implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    StringJoiner summary = new StringJoiner("\n");
    for (DeliberatingAgency agency : DeliberatingAgency.values()) {
      String opinion = (String) execution.getVariable(agency.opinionVariable());
      summary.add(agency.label() + "：" + Determination.valueOf(opinion).label() + "。"
          + execution.getVariable(agency.commentVariable()));
    }
    execution.setVariable("opinionsSummary", summary.toString());
  }
}
