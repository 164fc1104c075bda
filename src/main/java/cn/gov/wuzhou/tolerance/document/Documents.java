package cn.gov.wuzhou.tolerance.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.integrity.IntegrityChain;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The documents of the cases, content included, in the registry's database. Written once, never changed. */
@Repository
class Documents {

  private static final String COLUMNS = "id, case_instance_id, process_instance_id, task_id, task_name, title, file_name,"
      + " content_type, size_bytes, sha256, uploaded_by, uploaded_by_name, uploaded_at, issued_as";

  private final JdbcTemplate jdbc;
  private final Today today;
  private final IntegrityChain chain;
  private final TransactionTemplate transaction;

  Documents(JdbcTemplate jdbc, Today today, IntegrityChain chain, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.today = today;
    this.chain = chain;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Stores the document and enters it in the hash chain, both or neither. */
  void add(CaseDocument document, byte[] content) {
    transaction.executeWithoutResult(status -> insert(document, content));
  }

  private void insert(CaseDocument document, byte[] content) {
    jdbc.update("INSERT INTO case_document (" + COLUMNS + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        document.id(), document.caseInstanceId(), document.processInstanceId(), document.taskId(),
        document.taskName(), document.title(), document.fileName(), document.contentType(), document.size(),
        document.sha256(), document.uploadedBy(), document.uploadedByName(), document.uploadedAt(), document.issuedAs(),
        content);
    chain.append("case_document", document.id());
  }

  /** The case's documents in the order they were attached. */
  List<CaseDocument> ofCase(String caseInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_document WHERE case_instance_id = ? ORDER BY uploaded_at, id",
        this::map, caseInstanceId);
  }

  /** The bytes the case's documents take together. */
  long totalSize(String caseInstanceId) {
    Long total = jdbc.queryForObject("SELECT COALESCE(SUM(size_bytes), 0) FROM case_document WHERE case_instance_id = ?",
        Long.class, caseInstanceId);
    return total == null ? 0 : total;
  }

  /** The 文书 of a case issued as {@code issuedAs}, if it was issued. */
  Optional<CaseDocument> issued(String caseInstanceId, String issuedAs) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_document WHERE case_instance_id = ? AND issued_as = ?", this::map,
        caseInstanceId, issuedAs).stream().findFirst();
  }

  Optional<CaseDocument> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_document WHERE id = ?", this::map, id).stream().findFirst();
  }

  byte[] content(String id) {
    return jdbc.queryForObject("SELECT content FROM case_document WHERE id = ?", byte[].class, id);
  }

  private CaseDocument map(ResultSet rs, int row) throws SQLException {
    return new CaseDocument(
        rs.getString("id"),
        rs.getString("case_instance_id"),
        rs.getString("process_instance_id"),
        rs.getString("task_id"),
        rs.getString("task_name"),
        rs.getString("title"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        rs.getString("uploaded_by"),
        rs.getString("uploaded_by_name"),
        today.local(rs.getObject("uploaded_at", OffsetDateTime.class)),
        rs.getString("issued_as"));
  }
}
