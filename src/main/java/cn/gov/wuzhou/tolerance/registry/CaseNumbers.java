package cn.gov.wuzhou.tolerance.registry;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
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

  public Optional<String> numberOf(String processInstanceId) {
    return jdbc.queryForList("SELECT case_no FROM case_number WHERE process_instance_id = ?", String.class,
        processInstanceId).stream().findFirst();
  }

  public Optional<String> instanceOf(String caseNo) {
    return jdbc.queryForList("SELECT process_instance_id FROM case_number WHERE case_no = ?", String.class,
        caseNo).stream().findFirst();
  }
}
