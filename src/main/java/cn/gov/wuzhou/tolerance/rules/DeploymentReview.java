package cn.gov.wuzhou.tolerance.rules;

import static cn.gov.wuzhou.tolerance.tolerancecase.PinRulesVersion.RULES_KEY;

import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals;
import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals.Approval;
import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals.Pending;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second person's look at a process owner's held deployment: for the rules table in it, the replay against every
 * decided case and the rules that differ from the table in force; and the approval, which deploys the files as
 * submitted (the owner named as author) and records approver, time and the replay's summary. A table that fails for
 * a case or leaves one unmatched cannot be approved.
 */
@Service
public class DeploymentReview {

  /** One rule added, removed or changed, as its cells read. */
  public record RuleChange(String ruleId, String change, String before, String after) {}

  /** What an administrator sees before approving. */
  public record Review(Pending pending, String rulesFile, RulesReplay.Result replay, List<RuleChange> ruleChanges,
      boolean approvable, String summary) {}

  /** The deployment cannot be approved as it is, or no longer. */
  public static class NotApprovable extends RuntimeException {
    NotApprovable(String message) {
      super(message);
    }
  }

  private final DeploymentApprovals approvals;
  private final RulesReplay replay;
  private final RepositoryService repository;

  DeploymentReview(DeploymentApprovals approvals, RulesReplay replay, RepositoryService repository) {
    this.approvals = approvals;
    this.replay = replay;
    this.repository = repository;
  }

  public Optional<Review> review(String pendingNo) {
    return approvals.find(pendingNo).map(pending -> review(pending, approvals.files(pendingNo)));
  }

  private Review review(Pending pending, Map<String, byte[]> files) {
    Map.Entry<String, byte[]> rules = files.entrySet().stream().filter(file -> isRulesTable(file.getKey(), file.getValue()))
        .findFirst().orElse(null);
    if (rules == null) {
      return new Review(pending, null, null, List.of(), true, "不含容错认定规则，无需规则预览");
    }
    RulesReplay.Result result;
    try {
      result = replay.replay(rules.getKey(), rules.getValue());
    } catch (RulesReplay.InvalidTable | RulesReplay.OverBudget e) {
      return new Review(pending, rules.getKey(), null, List.of(), false, "规则预览未通过：" + e.getMessage());
    }
    boolean approvable = result.failed().isEmpty() && result.unmatched().isEmpty();
    String summary = "规则预览：评估已认定案件 " + result.evaluated() + " 件，认定建议改变 " + result.changed().size() + " 件"
        + (result.unmatched().isEmpty() ? "，每件都有规则命中" : "，" + result.unmatched().size() + " 件没有规则命中")
        + (result.failed().isEmpty() ? "，无评估失败" : "，" + result.failed().size() + " 件无法评估")
        + (result.changed().isEmpty() ? "" : "（" + result.changed().stream()
            .map(change -> change.decisionNo() + " " + change.from() + "→" + change.to()).limit(20)
            .collect(Collectors.joining("、")) + (result.changed().size() > 20 ? "等" : "") + "）");
    return new Review(pending, rules.getKey(), result, ruleChanges(rules.getValue()), approvable, summary);
  }

  /** Deploys the held files as submitted and records the approval, in one transaction. */
  @Transactional
  public Approval approve(String pendingNo, String approver) {
    Pending pending = approvals.find(pendingNo).orElseThrow(() -> new NotApprovable("没有待审批的部署 " + pendingNo));
    if (pending.approval() != null) {
      throw new NotApprovable("部署 " + pendingNo + " 已于 " + pending.approval().approvedAt() + " 由 "
          + pending.approval().approver() + " 批准");
    }
    Map<String, byte[]> files = approvals.files(pendingNo);
    Review review = review(pending, files);
    if (!review.approvable()) {
      throw new NotApprovable("不能批准部署 " + pendingNo + "：" + review.summary()
          + "。请规则和流程管理人员修改规则表（例如补充兜底规则）后重新部署");
    }
    DeploymentBuilder builder = repository.createDeployment().name(pending.deploymentName()).source(pending.source());
    files.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
    Deployment deployment = DeploymentApprovals.asAuthor(pending.author(), builder::deploy);
    Approval approval = new Approval(pendingNo, deployment.getId(), approver, OffsetDateTime.now(ZoneOffset.UTC),
        review.summary());
    approvals.recordApproval(approval);
    return approval;
  }

  private static boolean isRulesTable(String name, byte[] content) {
    if (!name.toLowerCase(Locale.ROOT).endsWith(".dmn")) {
      return false;
    }
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementById(RULES_KEY) instanceof Decision;
    } catch (ModelException e) {
      return true; // the replay says what is wrong with it
    }
  }

  /** The rules whose cells differ from the table in force, by rule id. */
  private List<RuleChange> ruleChanges(byte[] table) {
    Map<String, String> after = cells(Dmn.readModelFromStream(new ByteArrayInputStream(table)));
    Map<String, String> before = inForce().map(DeploymentReview::cells).orElse(Map.of());
    List<RuleChange> changes = new ArrayList<>();
    after.forEach((id, cells) -> {
      if (!before.containsKey(id)) {
        changes.add(new RuleChange(id, "新增", null, cells));
      } else if (!before.get(id).equals(cells)) {
        changes.add(new RuleChange(id, "修改", before.get(id), cells));
      }
    });
    before.forEach((id, cells) -> {
      if (!after.containsKey(id)) {
        changes.add(new RuleChange(id, "删除", cells, null));
      }
    });
    return changes;
  }

  private Optional<DmnModelInstance> inForce() {
    DecisionDefinition rules = repository.createDecisionDefinitionQuery().decisionDefinitionKey(RULES_KEY)
        .withoutTenantId().latestVersion().singleResult();
    if (rules == null) {
      return Optional.empty();
    }
    try (InputStream model = repository.getDecisionModel(rules.getId())) {
      return Optional.of(Dmn.readModelFromStream(model));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each rule's conditions and outputs as one line: 条件 | 结论. */
  private static Map<String, String> cells(DmnModelInstance model) {
    Map<String, String> rules = new LinkedHashMap<>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      String conditions = rule.getInputEntries().stream().map(entry -> blankToDash(entry.getTextContent()))
          .collect(Collectors.joining("，"));
      String outputs = rule.getOutputEntries().stream().map(entry -> entry.getTextContent().strip())
          .collect(Collectors.joining("，"));
      rules.put(rule.getId(), conditions + " → " + outputs);
    }
    return rules;
  }

  private static String blankToDash(String text) {
    return text == null || text.isBlank() ? "-" : text.strip();
  }
}
