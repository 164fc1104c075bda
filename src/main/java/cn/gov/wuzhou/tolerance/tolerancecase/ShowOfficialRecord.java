package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.registry.UnitScope;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creation of {@code reviewCase}: the official's earlier decisions (number, date, result) from the registry, by
 * 人员编号, so the office sees the person's record before it finds; the decision's basis says whether there were any.
 */
@Component("showOfficialRecord")
public class ShowOfficialRecord implements TaskListener {

  static final String RECORD = "officialRecord";
  private static final int SHOWN = 20;

  private final DecisionRegistry decisions;

  public ShowOfficialRecord(DecisionRegistry decisions) {
    this.decisions = decisions;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseId = task.getProcessInstanceId();
    List<DecisionRecord> earlier = decisions.search(null, text(task, "officialId"), null, UnitScope.ALL, 0, SHOWN + 1)
        .items().stream().filter(decision -> !decision.processInstanceId().equals(caseId)).limit(SHOWN).toList();
    task.setVariable(RECORD, earlier.isEmpty() ? "当事人此前无容错纠错认定决定"
        : "当事人此前的容错纠错认定决定：" + earlier.stream()
            .map(decision -> decision.decisionNo() + "（" + decision.decidedOn() + "）"
                + Determination.valueOf(decision.determination()).label())
            .collect(Collectors.joining("；")));
  }
}
