package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.common.Department;
import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.registry.ProtectionNotice.Acknowledgement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Protection notices (M6): per tolerated decision, one per protected matter, taken note of by each body handling it. */
@Repository
public class ProtectionRegistry {

  private final JdbcTemplate jdbc;

  public ProtectionRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Issues the notices not issued yet, each awaiting its bodies' notes, so a retried job adds nothing. */
  public void issue(String decisionNo, String officialId, String officialName, LocalDate issuedOn,
      List<ProtectedMatter> matters) {
    List<String> issued = jdbc.queryForList(
        "SELECT matter FROM protection_notice WHERE decision_no = ?", String.class, decisionNo);
    for (ProtectedMatter matter : matters) {
      if (issued.contains(matter.name())) {
        continue;
      }
      jdbc.update("""
          INSERT INTO protection_notice (decision_no, matter, official_id, official_name, issued_on)
          VALUES (?, ?, ?, ?, ?)""", decisionNo, matter.name(), officialId, officialName, issuedOn);
      for (Department department : matter.departments()) {
        jdbc.update("INSERT INTO protection_acknowledgement (decision_no, matter, department) VALUES (?, ?, ?)",
            decisionNo, matter.name(), department.name());
      }
    }
  }

  /** Records that the department took note of the decision's notices it handles; the first note stands. */
  public void acknowledge(String decisionNo, Department department, String userId, LocalDate on) {
    jdbc.update("UPDATE protection_acknowledgement SET acknowledged_by = ?, acknowledged_on = ? "
        + "WHERE decision_no = ? AND department = ? AND acknowledged_on IS NULL", userId, on, decisionNo, department.name());
  }

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

  // one query for the notes of all notices shown, not one per notice
  private List<ProtectionNotice> withAcknowledgements(List<ProtectionNotice> notices) {
    if (notices.isEmpty()) {
      return notices;
    }
    List<String> decisions = notices.stream().map(ProtectionNotice::decisionNo).distinct().toList();
    Map<String, List<Acknowledgement>> byNotice = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM protection_acknowledgement WHERE decision_no IN ("
            + String.join(", ", Collections.nCopies(decisions.size(), "?")) + ") ORDER BY department",
        rs -> {
          byNotice.computeIfAbsent(rs.getString("decision_no") + "/" + rs.getString("matter"), key -> new ArrayList<>())
              .add(new Acknowledgement(rs.getString("department"), rs.getString("acknowledged_by"),
                  rs.getObject("acknowledged_on", LocalDate.class)));
        }, decisions.toArray());
    return notices.stream().map(notice -> new ProtectionNotice(notice.decisionNo(), notice.matter(),
        notice.officialId(), notice.officialName(), notice.issuedOn(),
        byNotice.getOrDefault(notice.decisionNo() + "/" + notice.matter(), List.of()))).toList();
  }
}
