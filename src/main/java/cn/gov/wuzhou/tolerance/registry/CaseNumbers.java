package cn.gov.wuzhou.tolerance.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * 事项编号: the number a case ({@code WZSX-<year>-NNNN}) or pre-filing ({@code WZBA-<year>-NNNN}) gets when it
 * starts, gap-free per year (drawn from {@link RegistryNumbers} in the starting transaction).
 */
@Repository
public class CaseNumbers {

  /** A numbered case: its number, process instance, process, unit and start. */
  public record NumberedCase(String caseNo, String processInstanceId, String processKey, String unitGroup,
      Instant startedAt) {}

  /**
   * What 我的事项 asks for: the cases a caller sees ({@code scope}: the units whose cases the caller sees;
   * {@code groups} and {@code userId}: whose tasks the caller's groups were offered or the caller worked), each
   * filter {@code null} when not asked for. Text filters match a part; dates are the day the case started in
   * {@code zone}; {@code open} true for running cases, false for finished ones.
   */
  public record CaseFilter(UnitScope scope, List<String> groups, String userId, Boolean open, String caseNo,
      String official, String unit, LocalDate from, LocalDate to, ZoneId zone) {}

  /** The prefix of each numbered process. */
  public static final Map<String, String> PREFIXES = Map.of("toleranceCase", "WZSX", "prefiling", PrefilingRegistry.NUMBER_PREFIX);

  private final JdbcTemplate jdbc;
  private final RegistryNumbers numbers;

  public CaseNumbers(JdbcTemplate jdbc, RegistryNumbers numbers) {
    this.jdbc = jdbc;
    this.numbers = numbers;
  }

  /** Draws the next number of the process's kind and records it for the instance; in the starting transaction. */
  public String draw(String processKey, String processInstanceId, String unitGroup, OffsetDateTime startedAt) {
    Optional<String> existing = numberOf(processInstanceId);
    if (existing.isPresent()) {
      return existing.get();
    }
    String number = numbers.next(PREFIXES.get(processKey), startedAt.getYear());
    jdbc.update("INSERT INTO case_number (case_no, process_instance_id, process_key, unit_group, started_at) "
        + "VALUES (?, ?, ?, ?, ?)", number, processInstanceId, processKey, unitGroup,
        Timestamp.from(startedAt.toInstant()));
    return number;
  }

  /** The cases the filter lets through, newest first. */
  public Page<NumberedCase> search(CaseFilter filter, int page, int size) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE (" + filter.scope().condition("c.unit_group"));
    parameters.addAll(filter.scope().addParameters(List.of()));
    // what the caller worked on: a task offered to one of its groups, or one it was involved in (history, so
    // finished steps and cases count too)
    if (!filter.scope().all()) {
      if (!filter.groups().isEmpty()) {
        where.append(" OR c.process_instance_id IN (SELECT l.ROOT_PROC_INST_ID_ FROM ACT_HI_IDENTITYLINK l WHERE l.GROUP_ID_ IN (")
            .append(String.join(", ", Collections.nCopies(filter.groups().size(), "?"))).append("))");
        parameters.addAll(filter.groups());
      }
      where.append(" OR c.process_instance_id IN (SELECT l.ROOT_PROC_INST_ID_ FROM ACT_HI_IDENTITYLINK l WHERE l.USER_ID_ = ?)")
          .append(" OR c.process_instance_id IN (SELECT t.ROOT_PROC_INST_ID_ FROM ACT_HI_TASKINST t WHERE t.ASSIGNEE_ = ?)");
      parameters.add(filter.userId());
      parameters.add(filter.userId());
    }
    where.append(")");
    if (filter.open() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.PROC_INST_ID_ = c.process_instance_id AND p.END_TIME_ IS ")
          .append(filter.open() ? "NULL)" : "NOT NULL)");
    }
    if (filter.caseNo() != null) {
      where.append(" AND c.case_no LIKE ?");
      parameters.add("%" + filter.caseNo().toUpperCase() + "%");
    }
    if (filter.official() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = c.process_instance_id")
          .append(" AND v.NAME_ IN ('officialName', 'officialId') AND v.TEXT_ LIKE ?)");
      parameters.add("%" + filter.official() + "%");
    }
    if (filter.unit() != null) {
      where.append(" AND (c.unit_group = ? OR EXISTS (SELECT 1 FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = c.process_instance_id")
          .append(" AND v.NAME_ = 'unitName' AND v.TEXT_ LIKE ?))");
      parameters.add(filter.unit());
      parameters.add("%" + filter.unit() + "%");
    }
    if (filter.from() != null) {
      where.append(" AND c.started_at >= ?");
      parameters.add(Timestamp.from(filter.from().atStartOfDay(filter.zone()).toInstant()));
    }
    if (filter.to() != null) {
      where.append(" AND c.started_at < ?");
      parameters.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(filter.zone()).toInstant()));
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM case_number c" + where, Long.class, parameters.toArray());
    parameters.add(size);
    parameters.add((long) page * size);
    List<NumberedCase> items = jdbc.query("SELECT c.* FROM case_number c" + where
        + " ORDER BY c.started_at DESC, c.case_no DESC LIMIT ? OFFSET ?", CaseNumbers::map, parameters.toArray());
    return new Page<>(items, page, size, total == null ? 0 : total);
  }

  public Optional<String> numberOf(String processInstanceId) {
    return jdbc.queryForList("SELECT case_no FROM case_number WHERE process_instance_id = ?", String.class,
        processInstanceId).stream().findFirst();
  }

  public Optional<String> instanceOf(String caseNo) {
    return jdbc.queryForList("SELECT process_instance_id FROM case_number WHERE case_no = ?", String.class,
        caseNo).stream().findFirst();
  }

  private static NumberedCase map(ResultSet rs, int row) throws SQLException {
    return new NumberedCase(rs.getString("case_no"), rs.getString("process_instance_id"), rs.getString("process_key"),
        rs.getString("unit_group"), rs.getTimestamp("started_at").toInstant());
  }
}
