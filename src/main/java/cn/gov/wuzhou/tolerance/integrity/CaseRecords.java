package cn.gov.wuzhou.tolerance.integrity;

import cn.gov.wuzhou.tolerance.integrity.IntegrityChain.Status;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The registry records of one case, each with what the hash chain says of it, for the case file. */
@Component
public class CaseRecords {

  /** One record: its table's label, its key, and whether it matches its entry of the chain (已核验). */
  public record RecordStatus(String table, String label, String key, Status status, String statusLabel) {}

  private final JdbcTemplate jdbc;
  private final IntegrityChain chain;

  public CaseRecords(JdbcTemplate jdbc, IntegrityChain chain) {
    this.jdbc = jdbc;
    this.chain = chain;
  }

  /** The pre-filing and decision (either may be {@code null}), the decision's notices and notes, the documents. */
  public List<RecordStatus> of(String caseInstanceId, String prefilingNo, String decisionNo) {
    List<RecordStatus> records = new ArrayList<>();
    if (prefilingNo != null) {
      records.add(status("prefiling", prefilingNo));
    }
    if (decisionNo != null) {
      records.add(status("decision", decisionNo));
      for (String matter : jdbc.queryForList(
          "SELECT matter FROM protection_notice WHERE decision_no = ? ORDER BY matter", String.class, decisionNo)) {
        records.add(status("protection_notice", decisionNo, matter));
      }
      jdbc.query("SELECT matter, department, revision FROM protection_acknowledgement WHERE decision_no = ?"
          + " ORDER BY matter, department, revision", rs -> {
            records.add(status("protection_acknowledgement", decisionNo, rs.getString("matter"),
                rs.getString("department"), rs.getInt("revision")));
          }, decisionNo);
      for (String step : jdbc.queryForList(
          "SELECT step FROM decision_service WHERE decision_no = ? ORDER BY step", String.class, decisionNo)) {
        records.add(status("decision_service", decisionNo, step));
      }
    }
    for (String id : jdbc.queryForList("SELECT id FROM case_document WHERE case_instance_id = ? ORDER BY uploaded_at, id",
        String.class, caseInstanceId)) {
      records.add(status("case_document", id));
    }
    return records;
  }

  private RecordStatus status(String table, Object... keyValues) {
    Status status = chain.status(table, keyValues);
    return new RecordStatus(table, ChainedTables.named(table).orElseThrow().label(), CanonicalRows.key(keyValues),
        status, status.label());
  }
}
