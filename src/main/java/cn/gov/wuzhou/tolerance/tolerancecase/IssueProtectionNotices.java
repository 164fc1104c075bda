package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.registry.EntitledSteps;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code issueProtectionNotices} (M6, 结果运用): one notice per protected matter that concerns the
 * tolerated official, each awaiting the bodies that handle it ({@link ProtectionNotices}), and a 结果运用通知书 (PDF)
 * to each of those bodies.
 */
@Component("issueProtectionNotices")
public class IssueProtectionNotices implements JavaDelegate {

  private final ProtectionRegistry registry;
  private final DecisionRegistry decisions;
  private final EntitledSteps entitled;
  private final ProtectionNotices notices;
  private final IssueDecisionDocuments documents;
  private final Today today;

  public IssueProtectionNotices(ProtectionRegistry registry, DecisionRegistry decisions, EntitledSteps entitled,
      ProtectionNotices notices, IssueDecisionDocuments documents, Today today) {
    this.registry = registry;
    this.decisions = decisions;
    this.entitled = entitled;
    this.notices = notices;
    this.documents = documents;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    entitled.demand(execution.getProcessInstanceId());
    // notices follow this case's own decision to tolerate, as the registry recorded it
    String decisionNo = text(execution, "decisionNo");
    if (decisions.findByProcessInstance(execution.getProcessInstanceId())
        .filter(decision -> decision.decisionNo().equals(decisionNo)
            && Determination.TOLERATE.name().equals(decision.determination()))
        .isEmpty()) {
      throw new IllegalStateException("登记簿拒绝写入：事项 " + execution.getProcessInstanceId() + " 没有登记为容错免责的认定决定 "
          + decisionNo + "，不能出具结果运用通知");
    }
    List<ProtectedMatter> matters = notices.matters(execution);
    registry.issue(decisionNo, text(execution, "officialId"), text(execution, "officialName"),
        today.date(), matters);
    execution.setVariable("protectedMatters", matters.stream().map(ProtectedMatter::label).collect(Collectors.joining("、")));
    documents.issueNotices(execution);
  }
}
