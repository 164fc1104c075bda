package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.date;
import static cn.gov.wuzhou.tolerance.common.ProcessData.flag;
import static cn.gov.wuzhou.tolerance.common.ProcessData.optionalDate;
import static cn.gov.wuzhou.tolerance.common.ProcessData.optionalFlag;
import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Findings;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Rules;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals;
import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals.Approval;
import cn.gov.wuzhou.tolerance.registry.EntitledSteps;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordDecision}: writes the determination with its basis to the registry and
 * sets {@code decisionNo}; the registry writes it only in a case whose history shows the entitled people's steps
 * ({@link EntitledSteps}). Idempotent: a retried job finds the record and draws no new number.
 */
@Component("recordDecision")
public class RecordDecision implements JavaDelegate {

  private final DecisionRegistry registry;
  private final DeploymentApprovals approvals;
  private final Today today;

  public RecordDecision(DecisionRegistry registry, DeploymentApprovals approvals, Today today) {
    this.registry = registry;
    this.approvals = approvals;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String determination = text(execution, "determination");
    if (determination == null) {
      throw new IllegalStateException("认定决定未登记：事项 " + execution.getProcessInstanceId() + " 没有认定结论（determination）");
    }
    // the last guard before the registry: whatever path led here, adverse findings admit only 不予容错
    String conflict = BindingFindings.conflict(execution, Determination.valueOf(determination));
    if (conflict != null) {
      throw new IllegalStateException("认定决定未登记：" + conflict);
    }
    LocalDate decidedOn = today.date();
    String decisionNo = registry.record(new DecisionRecord(
        null,
        execution.getProcessInstanceId(),
        text(execution, "unitGroup"),
        text(execution, "unitName"),
        text(execution, "officialId"),
        text(execution, "officialName"),
        text(execution, "officialPosition"),
        text(execution, "officialCategory"),
        text(execution, "workCategory"),
        text(execution, "circumstance"),
        text(execution, "errorType"),
        date(execution, "discoveredOn"),
        date(execution, "reportedOn"),
        text(execution, "prefilingNo"),
        flag(execution, "prefiled"),
        flag(execution, "reportedTimely"),
        flag(execution, "correctedTimely"),
        flag(execution, "complexMatter"),
        text(execution, "recommendation"),
        text(execution, "recommendationBasis"),
        determination,
        basis(execution),
        decidedOn,
        new Findings(
            optionalFlag(execution, "actedInPublicInterest"),
            optionalFlag(execution, "followedDecisionProcedure"),
            optionalFlag(execution, "violatedDisciplineOrLaw"),
            optionalFlag(execution, "subjectiveIntent"),
            optionalFlag(execution, "personalGain"),
            optionalFlag(execution, "nonCoreDocumentsOnly")),
        optionalDate(execution, "reportReceivedOn"),
        optionalDate(execution, "correctionVerifiedOn"),
        text(execution, "reclassification"),
        new Rules(text(execution, "rulesDefinitionId"), (Integer) execution.getVariable("rulesVersion"))));
    execution.setVariable("decisionNo", decisionNo);
    execution.setVariable("decidedOn", decidedOn.toString());
  }

  /**
   * Cases that reached the rules before their version was recorded say nothing of it; a version a process owner
   * deployed names its approval: number, approver, day and what the rules preview showed.
   */
  private String rulesVersion(DelegateExecution execution) {
    Object version = execution.getVariable("rulesVersion");
    if (version == null) {
      return "";
    }
    String approval = approval(execution).map(a -> "，部署审批 " + a.pendingNo() + " 由 " + a.approver() + " 于 "
        + a.approvedAt().toLocalDate() + " 批准，" + a.replaySummary().replaceFirst("（.*$", "")).orElse("");
    return "（容错认定规则第 " + version + " 版" + approval + "）";
  }

  private Optional<Approval> approval(DelegateExecution execution) {
    String rulesId = (String) execution.getVariable("rulesDefinitionId");
    if (rulesId == null) {
      return Optional.empty();
    }
    String deploymentId = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getRepositoryService().getDecisionDefinition(rulesId).getDeploymentId());
    return approvals.approvalOfDeployment(deploymentId);
  }

  /** The reasons a reader of the record needs: the rule that applied, the findings, who departed from it and why. */
  private String basis(DelegateExecution execution) {
    String recommendation = text(execution, "recommendation");
    String determination = text(execution, "determination");
    List<String> parts = new ArrayList<>();
    parts.add("规则建议" + Determination.valueOf(recommendation).label() + rulesVersion(execution) + "："
        + text(execution, "recommendationBasis"));
    if (execution.hasVariable("openingBody")) {
      parts.add("本事项由" + text(execution, "openingBody") + "在问责中启动");
    }
    if (execution.hasVariable("reclassification")) {
      parts.add("问责承办机关" + text(execution, "reclassification"));
    }
    if (execution.hasVariable("discoveryCorrection")) {
      parts.add(text(execution, "discoveryCorrection"));
    }
    if (execution.hasVariable("scopeCorrection")) {
      parts.add(text(execution, "scopeCorrection"));
    }
    if (execution.hasVariable("findingsCorrection")) {
      parts.add(text(execution, "findingsCorrection"));
    }
    if (execution.hasVariable(RecordExtensionDecision.RECORD)) {
      parts.add("整改期限延期：" + text(execution, RecordExtensionDecision.RECORD));
    }
    if (execution.hasVariable("correctionNote")) {
      parts.add(text(execution, "correctionNote"));
    }
    if (execution.hasVariable(ShowOfficialRecord.RECORD)) {
      parts.add(text(execution, ShowOfficialRecord.RECORD));
    }
    parts.add("核查认定意见：" + text(execution, "reviewOpinion"));
    if (execution.hasVariable("committeeDecision")) {
      parts.add("一事一议意见：" + text(execution, "jointOpinion"));
      // the 市委, or a county's 县委 ("市委" for deliberations that did not yet name who decided)
      String committee = execution.hasVariable("decidingCommitteeName") ? text(execution, "decidingCommitteeName") : "市委";
      parts.add(committee + "决定" + Determination.valueOf(determination).label() + "：" + text(execution, "committeeComment"));
    } else if (!determination.equals(recommendation)) {
      parts.add("认定为" + Determination.valueOf(determination).label() + "，与规则建议不同的理由："
          + text(execution, "deviationReason"));
    }
    // clerks end their opinions with a full stop; the parts are joined into one sentence
    return parts.stream().map(part -> part.replaceAll("[。；;.\\s]+$", "")).collect(Collectors.joining("；")) + "。";
  }
}
