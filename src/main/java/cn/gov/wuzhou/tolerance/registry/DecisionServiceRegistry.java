package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.integrity.IntegrityChain;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The 送达 of decisions: what the unit recorded, each step once; the first record of a step stands. */
@Repository
public class DecisionServiceRegistry {

  private final JdbcTemplate jdbc;
  private final IntegrityChain chain;

  public DecisionServiceRegistry(JdbcTemplate jdbc, IntegrityChain chain) {
    this.jdbc = jdbc;
    this.chain = chain;
  }

  @Transactional
  public void record(DecisionService service) {
    if (!ofDecision(service.decisionNo()).stream().anyMatch(s -> s.step().equals(service.step()))) {
      jdbc.update("""
          INSERT INTO decision_service (decision_no, step, document_id, outcome, on_date, note, recorded_by, recorded_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", service.decisionNo(), service.step(), service.documentId(),
          service.outcome(), service.on(), service.note(), service.recordedBy(), service.recordedAt());
      chain.append("decision_service", service.decisionNo(), service.step());
    }
  }

  /** The steps recorded, receipt first. */
  public List<DecisionService> ofDecision(String decisionNo) {
    return jdbc.query("SELECT * FROM decision_service WHERE decision_no = ? ORDER BY recorded_at, step",
        (rs, row) -> new DecisionService(rs.getString("decision_no"), rs.getString("step"), rs.getString("document_id"),
            rs.getString("outcome"), rs.getObject("on_date", LocalDate.class), rs.getString("note"),
            rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)), decisionNo);
  }
}
