package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.common.Department;
import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.integrity.IntegrityChain;
import cn.gov.wuzhou.tolerance.registry.ProtectionNotice.Acknowledgement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protection notices (M6): per tolerated decision, one per protected matter, taken note of by each body handling it.
 * Rows are never updated: a body's note is a new revision of its acknowledgement row (revision 0, written with the
 * notice, awaits the note; revision 1 records who took note and when), and the latest revision is what stands.
 */
@Repository
public class ProtectionRegistry {

  private final JdbcTemplate jdbc;
  private final IntegrityChain chain;
  private final DecisionRegistry decisions;
  private final EntitledSteps entitled;

  public ProtectionRegistry(JdbcTemplate jdbc, IntegrityChain chain, DecisionRegistry decisions, EntitledSteps entitled) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.decisions = decisions;
    this.entitled = entitled;
  }

  /**
   * Issues the notices of the case's own decision not issued yet, each awaiting its bodies' notes, so a retried job
   * adds nothing. Refused before anything is written unless the case's history shows the entitled people's steps
   * ({@link EntitledSteps}) and the registry holds the case's decision to tolerate; the notices name that decision
   * and its official as the registry recorded them, whatever the caller believes.
   */
  @Transactional
  public void issue(String processInstanceId, LocalDate issuedOn, List<ProtectedMatter> matters) {
    entitled.demand(processInstanceId);
    DecisionRecord decision = decisions.findByProcessInstance(processInstanceId)
        .filter(found -> Determination.TOLERATE.name().equals(found.determination()))
        .orElseThrow(() -> new IllegalStateException("登记簿拒绝写入：事项 " + processInstanceId
            + " 没有登记为容错免责的认定决定，不能出具结果运用通知"));
    String decisionNo = decision.decisionNo();
    List<String> issued = jdbc.queryForList(
        "SELECT matter FROM protection_notice WHERE decision_no = ?", String.class, decisionNo);
    for (ProtectedMatter matter : matters) {
      if (issued.contains(matter.name())) {
        continue;
      }
      jdbc.update("""
          INSERT INTO protection_notice (decision_no, matter, official_id, official_name, issued_on)
          VALUES (?, ?, ?, ?, ?)""", decisionNo, matter.name(), decision.officialId(), decision.officialName(),
          issuedOn);
      chain.append("protection_notice", decisionNo, matter.name());
      for (Department department : matter.departments()) {
        jdbc.update("INSERT INTO protection_acknowledgement (decision_no, matter, department, revision) VALUES (?, ?, ?, 0)",
            decisionNo, matter.name(), department.name());
        chain.append("protection_acknowledgement", decisionNo, matter.name(), department.name(), 0);
      }
    }
  }

  /**
   * Records that the department took note of the decision's notices it handles, as a new revision of each
   * acknowledgement still awaiting its note; the first note stands, so a retried job adds nothing.
   */
  @Transactional
  public void acknowledge(String decisionNo, Department department, String userId, LocalDate on) {
    // per matter, the latest revision of the department's acknowledgement
    Map<String, Revision> latest = new LinkedHashMap<>();
    jdbc.query("SELECT matter, revision, acknowledged_on FROM protection_acknowledgement"
        + " WHERE decision_no = ? AND department = ? ORDER BY matter, revision", rs -> {
          latest.put(rs.getString("matter"),
              new Revision(rs.getInt("revision"), rs.getObject("acknowledged_on", LocalDate.class)));
        }, decisionNo, department.name());
    latest.forEach((matter, last) -> {
      if (last.acknowledgedOn() != null) {
        return;
      }
      int revision = last.number() + 1;
      jdbc.update("INSERT INTO protection_acknowledgement (decision_no, matter, department, revision, acknowledged_by,"
          + " acknowledged_on) VALUES (?, ?, ?, ?, ?, ?)", decisionNo, matter, department.name(), revision, userId, on);
      chain.append("protection_acknowledgement", decisionNo, matter, department.name(), revision);
    });
  }

  private record Revision(int number, LocalDate acknowledgedOn) {}

  public List<ProtectionNotice> ofDecision(String decisionNo) {
    return withAcknowledgements(jdbc.query("SELECT * FROM protection_notice WHERE decision_no = ? ORDER BY matter",
        (rs, row) -> notice(rs), decisionNo));
  }

  /** The notices of one official from decisions within the scope, newest decision first. */
  public Page<ProtectionNotice> ofOfficial(String officialId, UnitScope scope, int page, int size) {
    String from = " FROM protection_notice p JOIN decision d ON d.decision_no = p.decision_no"
        + " WHERE p.official_id = ? AND " + scope.condition("d.unit_group");
    List<Object> parameters = scope.addParameters(List.of(officialId));
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, parameters.toArray());
    parameters.add(size);
    parameters.add((long) page * size);
    List<ProtectionNotice> items = jdbc.query("SELECT p.*" + from + " ORDER BY p.decision_no DESC, p.matter LIMIT ? OFFSET ?",
        (rs, row) -> notice(rs), parameters.toArray());
    return new Page<>(withAcknowledgements(items), page, size, total == null ? 0 : total);
  }

  private static ProtectionNotice notice(ResultSet rs) throws SQLException {
    return new ProtectionNotice(rs.getString("decision_no"), rs.getString("matter"), rs.getString("official_id"),
        rs.getString("official_name"), rs.getObject("issued_on", LocalDate.class), List.of());
  }

  // one query for the notes of all notices shown, not one per notice; each body's latest revision stands
  private List<ProtectionNotice> withAcknowledgements(List<ProtectionNotice> notices) {
    if (notices.isEmpty()) {
      return notices;
    }
    List<String> decisions = notices.stream().map(ProtectionNotice::decisionNo).distinct().toList();
    Map<String, Map<String, Acknowledgement>> byNotice = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM protection_acknowledgement WHERE decision_no IN ("
            + String.join(", ", Collections.nCopies(decisions.size(), "?")) + ") ORDER BY department, revision",
        rs -> {
          byNotice.computeIfAbsent(rs.getString("decision_no") + "/" + rs.getString("matter"), key -> new LinkedHashMap<>())
              .put(rs.getString("department"), new Acknowledgement(rs.getString("department"),
                  rs.getString("acknowledged_by"), rs.getObject("acknowledged_on", LocalDate.class)));
        }, decisions.toArray());
    return notices.stream().map(notice -> new ProtectionNotice(notice.decisionNo(), notice.matter(),
        notice.officialId(), notice.officialName(), notice.issuedOn(),
        List.copyOf(byNotice.getOrDefault(notice.decisionNo() + "/" + notice.matter(), Map.of()).values()))).toList();
  }
}
