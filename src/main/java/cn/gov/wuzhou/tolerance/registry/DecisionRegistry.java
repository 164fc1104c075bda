package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Findings;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Rules;
import cn.gov.wuzhou.tolerance.integrity.IntegrityChain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The determinations of tolerance cases, numbered {@code WZRC-<year>-<4 digits>}. Written only for a case whose
 * history shows the entitled people's steps ({@link EntitledSteps}), whoever calls.
 */
@Repository
public class DecisionRegistry {

  static final String NUMBER_PREFIX = "WZRC";

  private final JdbcTemplate jdbc;
  private final RegistryNumbers numbers;
  private final IntegrityChain chain;
  private final EntitledSteps entitled;

  public DecisionRegistry(JdbcTemplate jdbc, RegistryNumbers numbers, IntegrityChain chain, EntitledSteps entitled) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.chain = chain;
    this.entitled = entitled;
  }

  /**
   * Writes the decision and returns its number; a retried job gets the number already written. Refused
   * ({@link EntitledSteps.NotEntitled}) before any number is drawn unless the case's history shows the entitled
   * people's steps: this is the one door every path to a decision passes.
   */
  @Transactional
  public String record(DecisionRecord decision) {
    entitled.demand(decision.processInstanceId());
    Optional<DecisionRecord> existing = findByProcessInstance(decision.processInstanceId());
    if (existing.isPresent()) {
      return existing.get().decisionNo();
    }
    String number = numbers.next(NUMBER_PREFIX, decision.decidedOn().getYear());
    Findings findings = decision.findings();
    jdbc.update("""
        INSERT INTO decision (decision_no, process_instance_id, unit_group, unit_name, official_id,
          official_name, official_position, official_category, work_category, circumstance, error_type,
          discovered_on, reported_on, prefiling_no, prefiled, reported_timely, corrected_timely,
          complex_matter, recommendation, recommendation_basis, determination, basis, decided_on,
          acted_in_public_interest, followed_decision_procedure, violated_discipline_or_law, subjective_intent,
          personal_gain, non_core_documents_only, report_received_on, correction_verified_on, reclassification,
          rules_definition_id, rules_version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        number, decision.processInstanceId(), decision.unitGroup(), decision.unitName(), decision.officialId(),
        decision.officialName(), decision.officialPosition(), decision.officialCategory(),
        decision.workCategory(), decision.circumstance(), decision.errorType(), decision.discoveredOn(),
        decision.reportedOn(), decision.prefilingNo(), decision.prefiled(), decision.reportedTimely(),
        decision.correctedTimely(), decision.complexMatter(), decision.recommendation(),
        decision.recommendationBasis(), decision.determination(), decision.basis(), decision.decidedOn(),
        findings.actedInPublicInterest(), findings.followedDecisionProcedure(), findings.violatedDisciplineOrLaw(),
        findings.subjectiveIntent(), findings.personalGain(), findings.nonCoreDocumentsOnly(),
        decision.reportReceivedOn(), decision.correctionVerifiedOn(), decision.reclassification(),
        decision.rules().definitionId(), decision.rules().version());
    chain.append("decision", number);
    return number;
  }

  public Optional<DecisionRecord> find(String decisionNo) {
    return jdbc.query("SELECT * FROM decision WHERE decision_no = ?", DecisionRegistry::map, decisionNo)
        .stream().findFirst();
  }

  public Optional<DecisionRecord> findByProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT * FROM decision WHERE process_instance_id = ?", DecisionRegistry::map,
        processInstanceId).stream().findFirst();
  }

  /**
   * Decisions within the scope, optionally of one case, one official (人员编号) or officials of one name (the exact
   * name, as the organization department's files spell it), newest number first.
   */
  public Page<DecisionRecord> search(String processInstanceId, String officialId, String officialName, UnitScope scope,
      int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE " + scope.condition("unit_group"));
    List<Object> parameters = scope.addParameters(List.of());
    if (processInstanceId != null) {
      where.append(" AND process_instance_id = ?");
      parameters.add(processInstanceId);
    }
    if (officialId != null) {
      where.append(" AND official_id = ?");
      parameters.add(officialId);
    }
    if (officialName != null) {
      where.append(" AND official_name = ?");
      parameters.add(officialName);
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM decision" + where, Long.class, parameters.toArray());
    parameters.add(size);
    parameters.add((long) page * size);
    List<DecisionRecord> items = jdbc.query("SELECT * FROM decision" + where + " ORDER BY decision_no DESC LIMIT ? OFFSET ?",
        DecisionRegistry::map, parameters.toArray());
    return new Page<>(items, page, size, total == null ? 0 : total);
  }

  /** Every decision, oldest number first, one at a time. */
  public void forEach(Consumer<DecisionRecord> action) {
    jdbc.query("SELECT * FROM decision ORDER BY decision_no", (RowCallbackHandler) rs -> action.accept(map(rs, 0)));
  }

  private static DecisionRecord map(ResultSet rs, int row) throws SQLException {
    return new DecisionRecord(
        rs.getString("decision_no"),
        rs.getString("process_instance_id"),
        rs.getString("unit_group"),
        rs.getString("unit_name"),
        rs.getString("official_id"),
        rs.getString("official_name"),
        rs.getString("official_position"),
        rs.getString("official_category"),
        rs.getString("work_category"),
        rs.getString("circumstance"),
        rs.getString("error_type"),
        rs.getObject("discovered_on", LocalDate.class),
        rs.getObject("reported_on", LocalDate.class),
        rs.getString("prefiling_no"),
        rs.getBoolean("prefiled"),
        rs.getBoolean("reported_timely"),
        rs.getBoolean("corrected_timely"),
        rs.getBoolean("complex_matter"),
        rs.getString("recommendation"),
        rs.getString("recommendation_basis"),
        rs.getString("determination"),
        rs.getString("basis"),
        rs.getObject("decided_on", LocalDate.class),
        new Findings(
            rs.getObject("acted_in_public_interest", Boolean.class),
            rs.getObject("followed_decision_procedure", Boolean.class),
            rs.getObject("violated_discipline_or_law", Boolean.class),
            rs.getObject("subjective_intent", Boolean.class),
            rs.getObject("personal_gain", Boolean.class),
            rs.getObject("non_core_documents_only", Boolean.class)),
        rs.getObject("report_received_on", LocalDate.class),
        rs.getObject("correction_verified_on", LocalDate.class),
        rs.getString("reclassification"),
        new Rules(rs.getString("rules_definition_id"), rs.getObject("rules_version", Integer.class)));
  }
}
