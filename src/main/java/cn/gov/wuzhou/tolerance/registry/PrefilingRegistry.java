package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.integrity.IntegrityChain;
import java.time.LocalDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The pre-filings (事前备案) of M4, numbered {@code WZBA-<year>-<4 digits>}. */
@Repository
public class PrefilingRegistry {

  static final String NUMBER_PREFIX = "WZBA";

  private final JdbcTemplate jdbc;
  private final RegistryNumbers numbers;
  private final IntegrityChain chain;

  public PrefilingRegistry(JdbcTemplate jdbc, RegistryNumbers numbers, IntegrityChain chain) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.chain = chain;
  }

  /**
   * Writes the record and returns its number: the record's own (the pre-filing's 事项编号, drawn at its start),
   * or for a pre-filing started without one a new number. Idempotent per process instance: a retried job
   * gets the number already written and draws no new one.
   */
  @Transactional
  public String register(PrefilingRecord record) {
    Optional<String> existing = numberOf(record.processInstanceId());
    if (existing.isPresent()) {
      return existing.get();
    }
    String number = record.prefilingNo() != null && record.prefilingNo().startsWith(NUMBER_PREFIX + "-")
        ? record.prefilingNo() : numbers.next(NUMBER_PREFIX, record.registeredOn().getYear());
    jdbc.update("""
        INSERT INTO prefiling (prefiling_no, process_instance_id, unit_group, unit_name, plan_title,
          plan_summary, work_category, innovation_nature, risk_assessment, planned_start,
          filing_authority, registered_on, registered_by, review_comment)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        number, record.processInstanceId(), record.unitGroup(), record.unitName(), record.planTitle(),
        record.planSummary(), record.workCategory(), record.innovationNature(), record.riskAssessment(),
        record.plannedStart(), record.filingAuthority(), record.registeredOn(),
        record.registeredBy(), record.reviewComment());
    chain.append("prefiling", number);
    return number;
  }

  public Optional<PrefilingRecord> find(String prefilingNo) {
    return jdbc.query("SELECT * FROM prefiling WHERE prefiling_no = ?", PrefilingRegistry::map, prefilingNo)
        .stream().findFirst();
  }

  /** A unit's registered filings, newest first: what a case of that unit may name as its 事前备案. */
  public List<PrefilingRecord> ofUnit(String unitGroup) {
    return jdbc.query("SELECT * FROM prefiling WHERE unit_group = ? ORDER BY registered_on DESC, prefiling_no DESC",
        PrefilingRegistry::map, unitGroup);
  }

  /** The pre-filing a registered {@code prefiling} process instance wrote. */
  public Optional<PrefilingRecord> findByProcessInstance(String processInstanceId) {
    return numberOf(processInstanceId).flatMap(this::find);
  }

  private Optional<String> numberOf(String processInstanceId) {
    return jdbc.queryForList("SELECT prefiling_no FROM prefiling WHERE process_instance_id = ?",
        String.class, processInstanceId).stream().findFirst();
  }

  private static PrefilingRecord map(ResultSet rs, int row) throws SQLException {
    return new PrefilingRecord(
        rs.getString("prefiling_no"),
        rs.getString("process_instance_id"),
        rs.getString("unit_group"),
        rs.getString("unit_name"),
        rs.getString("plan_title"),
        rs.getString("plan_summary"),
        rs.getString("work_category"),
        rs.getString("innovation_nature"),
        rs.getString("risk_assessment"),
        rs.getObject("planned_start", LocalDate.class),
        rs.getString("filing_authority"),
        rs.getObject("registered_on", LocalDate.class),
        rs.getString("registered_by"),
        rs.getString("review_comment"));
  }
}
