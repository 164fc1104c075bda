package cn.gov.wuzhou.tolerance.rules;

import static cn.gov.wuzhou.tolerance.tolerancecase.PinRulesVersion.RULES_KEY;

import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Findings;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.security.DeploymentGuard;
import cn.gov.wuzhou.tolerance.security.ModelCodeCheck.Finding;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.model.dmn.DmnModelException;
import org.springframework.stereotype.Service;

/**
 * Impact before deploying: evaluates a determination table that is not deployed against the facts the
 * registry recorded for every decided case, and tells which recommendations it would change. Nothing is
 * deployed or written. The table is checked like a process owner's deployment first, since evaluating
 * it runs its expressions.
 */
@Service
public class RulesReplay {

  private static final String RECOMMENDATION = "recommendation";

  /** A recommendation that would change. */
  public record Change(String decisionNo, String from, String to) {}

  /** A case the table could not evaluate, and why. */
  public record Failure(String decisionNo, String message) {}

  /** What the table would have recommended for the decided cases. */
  public record Result(String tableName, int evaluated, int skipped, List<Change> changed, List<String> unmatched,
      List<Failure> failed) {}

  /** The preview ran out of its time budget. */
  public static class OverBudget extends RuntimeException {
    OverBudget(String message) {
      super(message);
    }
  }

  /** The table itself is unusable: not parseable, runs code, or is not a determination table. */
  public static class InvalidTable extends RuntimeException {
    InvalidTable(String message) {
      super(message);
    }
  }

  private final DecisionRegistry decisions;
  private final DeploymentGuard guard;
  private final Duration budget;
  // a DMN engine of its own: the process engine's writes every evaluation to the history
  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  RulesReplay(DecisionRegistry decisions, DeploymentGuard guard, RulesProperties properties) {
    this.decisions = decisions;
    this.guard = guard;
    this.budget = properties.replayBudget();
  }

  public Result replay(String fileName, byte[] table) {
    String resource = fileName == null || fileName.isBlank() ? "rules.dmn" : fileName;
    if (!resource.toLowerCase(Locale.ROOT).endsWith(".dmn")) {
      throw new InvalidTable("只能预览 DMN 规则表（.dmn 文件），收到的是 " + resource);
    }
    long deadline = System.nanoTime() + budget.toNanos();
    // size, rule count and FEEL limited to tests of facts: see ModelCodeCheck
    List<Finding> findings = guard.check(resource, table);
    if (!findings.isEmpty()) {
      throw new InvalidTable(findings.stream().map(Finding::getMessage).collect(Collectors.joining("；")));
    }
    DmnDecision decision = parse(table);
    List<Change> changed = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    int[] counts = new int[2];
    // many cases share the same facts: each combination is evaluated once
    Map<Map<String, Object>, Outcome> outcomes = new HashMap<>();
    decisions.forEach(record -> {
      if (System.nanoTime() > deadline) {
        String limit = budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " 秒" : budget.toMillis() + " 毫秒";
        throw new OverBudget("规则预览超过时限（" + limit + "），已评估 " + counts[0]
            + " 件后停止：请简化规则表后再预览");
      }
      if (record.recommendation() == null || hasNoFindings(record.findings())) {
        counts[1]++;
        return;
      }
      counts[0]++;
      Outcome outcome = outcomes.computeIfAbsent(facts(record), facts -> evaluate(decision, facts));
      if (outcome.error() != null) {
        failed.add(new Failure(record.decisionNo(), outcome.error()));
      } else if (!outcome.matched()) {
        unmatched.add(record.decisionNo());
      } else if (!record.recommendation().equals(outcome.recommendation())) {
        changed.add(new Change(record.decisionNo(), record.recommendation(), outcome.recommendation()));
      }
    });
    return new Result(decision.getName(), counts[0], counts[1], changed, unmatched, failed);
  }

  private record Outcome(boolean matched, String recommendation, String error) {}

  private Outcome evaluate(DmnDecision decision, Map<String, Object> facts) {
    try {
      DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, facts);
      if (result.isEmpty()) {
        return new Outcome(false, null, null);
      }
      Object recommendation = result.getFirstResult().getEntry(RECOMMENDATION);
      return new Outcome(true, recommendation == null ? null : recommendation.toString(), null);
    } catch (RuntimeException e) {
      return new Outcome(false, null, e.getMessage());
    }
  }

  private DmnDecision parse(byte[] table) {
    DmnDecision decision;
    try {
      decision = dmnEngine.parseDecision(RULES_KEY, new ByteArrayInputStream(table));
    } catch (DmnTransformException | DmnModelException e) {
      throw new InvalidTable("不是可用的容错认定规则表（需要 id 为 " + RULES_KEY + " 的决策表）：" + e.getMessage());
    }
    if (!decision.isDecisionTable() || ((DmnDecisionTableImpl) decision.getDecisionLogic()).getOutputs().stream()
        .map(DmnDecisionTableOutputImpl::getOutputName).noneMatch(RECOMMENDATION::equals)) {
      throw new InvalidTable("规则 " + RULES_KEY + " 必须是有输出 " + RECOMMENDATION + "（认定建议）的决策表");
    }
    return decision;
  }

  // decisions recorded before the findings were kept cannot be evaluated again
  private static boolean hasNoFindings(Findings findings) {
    return findings == null || findings.actedInPublicInterest() == null && findings.followedDecisionProcedure() == null
        && findings.violatedDisciplineOrLaw() == null;
  }

  /** The facts under the names the case had when its rules step ran. */
  private static Map<String, Object> facts(DecisionRecord record) {
    Findings findings = record.findings();
    Map<String, Object> facts = new HashMap<>();
    facts.put("circumstance", record.circumstance());
    facts.put("errorType", record.errorType());
    facts.put("workCategory", record.workCategory());
    facts.put("officialCategory", record.officialCategory());
    facts.put("prefiled", record.prefiled());
    facts.put("reportedTimely", record.reportedTimely());
    facts.put("correctedTimely", record.correctedTimely());
    facts.put("correctionVerified", record.correctionVerifiedOn() != null);
    facts.put("complexMatter", record.complexMatter());
    facts.put("actedInPublicInterest", findings.actedInPublicInterest());
    facts.put("followedDecisionProcedure", findings.followedDecisionProcedure());
    facts.put("violatedDisciplineOrLaw", findings.violatedDisciplineOrLaw());
    facts.put("subjectiveIntent", findings.subjectiveIntent());
    facts.put("personalGain", findings.personalGain());
    facts.put("nonCoreDocumentsOnly", findings.nonCoreDocumentsOnly());
    return facts;
  }
}
