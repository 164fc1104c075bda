package cn.gov.wuzhou.tolerance.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Protection notices (M6): per tolerated decision, one per protected matter. */
@Repository
public class ProtectionRegistry {

  /** The two departments that must take note of every notice. */
  public enum Department { ORGANIZATION, HR }

  private final JdbcTemplate jdbc;

  public ProtectionRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Issues the notices not issued yet, so a retried job adds nothing. */
  public void issue(String decisionNo, String officialId, String officialName, LocalDate issuedOn,
      List<String> matters) {
    List<String> issued = jdbc.queryForList(
        "SELECT matter FROM protection_notice WHERE decision_no = ?", String.class, decisionNo);
    for (String matter : matters) {
      if (!issued.contains(matter)) {
        jdbc.update("""
            INSERT INTO protection_notice (decision_no, matter, official_id, official_name, issued_on)
            VALUES (?, ?, ?, ?, ?)""", decisionNo, matter, officialId, officialName, issuedOn);
      }
    }
  }

  /** Records that the department took note of all notices of the decision; the first note stands. */
  public void acknowledge(String decisionNo, Department department, String userId, LocalDate on) {
    String prefix = department == Department.ORGANIZATION ? "organization" : "hr";
    jdbc.update("UPDATE protection_notice SET " + prefix + "_ack_by = ?, " + prefix + "_ack_on = ? "
        + "WHERE decision_no = ? AND " + prefix + "_ack_on IS NULL", userId, on, decisionNo);
  }

  public List<ProtectionNotice> ofDecision(String decisionNo) {
    return jdbc.query("SELECT * FROM protection_notice WHERE decision_no = ? ORDER BY matter",
        ProtectionRegistry::map, decisionNo);
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
        ProtectionRegistry::map, parameters.toArray());
    return new Page<>(items, page, size, total == null ? 0 : total);
  }

  private static ProtectionNotice map(ResultSet rs, int row) throws SQLException {
    return new ProtectionNotice(
        rs.getString("decision_no"),
        rs.getString("matter"),
        rs.getString("official_id"),
        rs.getString("official_name"),
        rs.getObject("issued_on", LocalDate.class),
        rs.getString("organization_ack_by"),
        rs.getObject("organization_ack_on", LocalDate.class),
        rs.getString("hr_ack_by"),
        rs.getObject("hr_ack_on", LocalDate.class));
  }
}
