package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code issueProtectionNotices} (M6, 结果运用): one notice per protected matter for the
 * tolerated official, for the organization department and HR to take note of.
 */
@Component("issueProtectionNotices")
public class IssueProtectionNotices implements JavaDelegate {

  private final ProtectionRegistry registry;
  private final Today today;

  public IssueProtectionNotices(ProtectionRegistry registry, Today today) {
    this.registry = registry;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.issue(
        text(execution, "decisionNo"),
        text(execution, "officialId"),
        text(execution, "officialName"),
        today.date(),
        Arrays.stream(ProtectedMatter.values()).map(Enum::name).toList());
    execution.setVariable("protectedMatters",
        Arrays.stream(ProtectedMatter.values()).map(ProtectedMatter::label).collect(Collectors.joining("、")));
  }
}
