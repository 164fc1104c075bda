package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.integrity.IntegrityChain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Consultation minutes, numbered {@code WZHS-<year>-<4 digits>}. */
@Repository
public class ConsultationRegistry {

  static final String NUMBER_PREFIX = "WZHS";

  private final JdbcTemplate jdbc;
  private final RegistryNumbers numbers;
  private final IntegrityChain chain;

  public ConsultationRegistry(JdbcTemplate jdbc, RegistryNumbers numbers, IntegrityChain chain) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.chain = chain;
  }

  /** Files the minutes and returns their number; a retried job gets the number already filed. */
  @Transactional
  public String file(ConsultationRecord minutes) {
    Optional<String> existing = jdbc.queryForList(
        "SELECT consultation_no FROM consultation WHERE process_instance_id = ?", String.class,
        minutes.processInstanceId()).stream().findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    String number = numbers.next(NUMBER_PREFIX, minutes.heldOn().getYear());
    jdbc.update("""
        INSERT INTO consultation (consultation_no, process_instance_id, consultation_level, level_name, held_on,
          brief, discipline_input, organization_input, resolutions, follow_up_items, recorded_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        number, minutes.processInstanceId(), minutes.level(), minutes.levelName(), minutes.heldOn(),
        minutes.brief(), minutes.disciplineInput(), minutes.organizationInput(), minutes.resolutions(),
        minutes.followUpItems(), minutes.recordedBy());
    chain.append("consultation", number);
    return number;
  }

  public Optional<ConsultationRecord> find(String consultationNo) {
    return jdbc.query("SELECT * FROM consultation WHERE consultation_no = ?", ConsultationRegistry::map,
        consultationNo).stream().findFirst();
  }

  /** Minutes of the given levels ({@code null}: all levels), newest first. */
  public Page<ConsultationRecord> search(List<String> levels, int page, int size) {
    String where = levels == null ? "" : levels.isEmpty() ? " WHERE 1 = 0"
        : " WHERE consultation_level IN (" + String.join(", ", levels.stream().map(l -> "?").toList()) + ")";
    List<Object> parameters = new ArrayList<>(levels == null ? List.of() : levels);
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM consultation" + where, Long.class, parameters.toArray());
    parameters.add(size);
    parameters.add((long) page * size);
    List<ConsultationRecord> items = jdbc.query(
        "SELECT * FROM consultation" + where + " ORDER BY consultation_no DESC LIMIT ? OFFSET ?",
        ConsultationRegistry::map, parameters.toArray());
    return new Page<>(items, page, size, total == null ? 0 : total);
  }

  private static ConsultationRecord map(ResultSet rs, int row) throws SQLException {
    return new ConsultationRecord(
        rs.getString("consultation_no"),
        rs.getString("process_instance_id"),
        rs.getString("consultation_level"),
        rs.getString("level_name"),
        rs.getObject("held_on", LocalDate.class),
        rs.getString("brief"),
        rs.getString("discipline_input"),
        rs.getString("organization_input"),
        rs.getString("resolutions"),
        rs.getString("follow_up_items"),
        rs.getString("recorded_by"));
  }
}
