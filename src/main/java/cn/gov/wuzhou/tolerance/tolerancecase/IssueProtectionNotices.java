package cn.gov.wuzhou.tolerance.tolerancecase;

import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code issueProtectionNotices} (M6, 结果运用): one notice per protected matter that concerns the
 * tolerated official, each awaiting the bodies that handle it ({@link ProtectionNotices}), and a 结果运用通知书 (PDF)
 * to each of those bodies. The registry issues them only for the case's own 容错免责 decision, in a case whose history
 * shows the entitled people's steps.
 */
@Component("issueProtectionNotices")
public class IssueProtectionNotices implements JavaDelegate {

  private final ProtectionRegistry registry;
  private final ProtectionNotices notices;
  private final IssueDecisionDocuments documents;
  private final Today today;

  public IssueProtectionNotices(ProtectionRegistry registry, ProtectionNotices notices, IssueDecisionDocuments documents,
      Today today) {
    this.registry = registry;
    this.notices = notices;
    this.documents = documents;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<ProtectedMatter> matters = notices.matters(execution);
    registry.issue(execution.getProcessInstanceId(), today.date(), matters);
    execution.setVariable("protectedMatters", matters.stream().map(ProtectedMatter::label).collect(Collectors.joining("、")));
    documents.issueNotices(execution);
  }
}
