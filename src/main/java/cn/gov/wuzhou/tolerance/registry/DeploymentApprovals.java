package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.integrity.IntegrityChain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process owners' deployments held for an administrator's approval, and the approvals. A held deployment never
 * reaches the engine: its files wait here, and the approval deploys them with the owner named as author.
 */
@Repository
public class DeploymentApprovals {

  static final String NUMBER_PREFIX = "WZBS";
  // the owner of the deployment being approved, for the archive's author
  private static final ThreadLocal<String> APPROVED_AUTHOR = new ThreadLocal<>();

  /** A deployment waiting for approval, or approved. */
  public record Pending(String pendingNo, String deploymentName, String source, String author,
      OffsetDateTime submittedAt, Map<String, String> sha256ByFile, Approval approval) {}

  /** An administrator's approval. */
  public record Approval(String pendingNo, String deploymentId, String approver, OffsetDateTime approvedAt,
      String replaySummary) {}

  private final JdbcTemplate jdbc;
  private final RegistryNumbers numbers;
  private final IntegrityChain chain;
  private final TransactionTemplate ownTransaction;

  public DeploymentApprovals(JdbcTemplate jdbc, RegistryNumbers numbers, IntegrityChain chain,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.chain = chain;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Keeps the files for approval in a transaction of its own (the engine's deployment is refused) and numbers them. */
  public String submit(String deploymentName, String source, String author, Map<String, byte[]> files) {
    return ownTransaction.execute(status -> {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      String number = numbers.next(NUMBER_PREFIX, now.getYear());
      jdbc.update("INSERT INTO pending_deployment (pending_no, deployment_name, source, author, submitted_at)"
          + " VALUES (?, ?, ?, ?, ?)", number, deploymentName, source, author, now);
      chain.append("pending_deployment", number);
      files.forEach((name, content) -> {
        jdbc.update("INSERT INTO pending_deployment_file (pending_no, resource_name, sha256, content)"
            + " VALUES (?, ?, ?, ?)", number, name, DeploymentArchive.sha256(content), content);
        chain.append("pending_deployment_file", number, name);
      });
      return number;
    });
  }

  /** Deployments still waiting, oldest first. */
  public List<Pending> waiting() {
    return jdbc.query("SELECT p.* FROM pending_deployment p WHERE NOT EXISTS (SELECT 1 FROM deployment_approval a"
        + " WHERE a.pending_no = p.pending_no) ORDER BY p.submitted_at, p.pending_no",
        (rs, row) -> rs.getString("pending_no")).stream().map(number -> find(number).orElseThrow()).toList();
  }

  public Optional<Pending> find(String pendingNo) {
    return jdbc.query("SELECT * FROM pending_deployment WHERE pending_no = ?", (rs, row) -> new Pending(
        rs.getString("pending_no"), rs.getString("deployment_name"), rs.getString("source"), rs.getString("author"),
        rs.getObject("submitted_at", OffsetDateTime.class), shaByFile(pendingNo), approval(pendingNo).orElse(null)),
        pendingNo).stream().findFirst();
  }

  /** The files as submitted, by name. */
  public Map<String, byte[]> files(String pendingNo) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    jdbc.query("SELECT resource_name, content FROM pending_deployment_file WHERE pending_no = ? ORDER BY resource_name",
        rs -> {
          files.put(rs.getString("resource_name"), rs.getBytes("content"));
        }, pendingNo);
    return files;
  }

  public void recordApproval(Approval approval) {
    jdbc.update("INSERT INTO deployment_approval (pending_no, deployment_id, approver, approved_at, replay_summary)"
        + " VALUES (?, ?, ?, ?, ?)", approval.pendingNo(), approval.deploymentId(), approval.approver(),
        approval.approvedAt(), approval.replaySummary());
    chain.append("deployment_approval", approval.pendingNo());
  }

  public Optional<Approval> approval(String pendingNo) {
    return jdbc.query("SELECT * FROM deployment_approval WHERE pending_no = ?", (rs, row) -> approval(rs), pendingNo)
        .stream().findFirst();
  }

  /** The approval that made this deployment, if it was an owner's. */
  public Optional<Approval> approvalOfDeployment(String deploymentId) {
    return jdbc.query("SELECT * FROM deployment_approval WHERE deployment_id = ?", (rs, row) -> approval(rs), deploymentId)
        .stream().findFirst();
  }

  /** Runs the approval's deployment with the owner as the archived author. */
  public static <T> T asAuthor(String author, Supplier<T> deployment) {
    APPROVED_AUTHOR.set(author);
    try {
      return deployment.get();
    } finally {
      APPROVED_AUTHOR.remove();
    }
  }

  /** The owner whose approved deployment is being deployed on this thread, if any. */
  public static Optional<String> approvedAuthor() {
    return Optional.ofNullable(APPROVED_AUTHOR.get());
  }

  private Map<String, String> shaByFile(String pendingNo) {
    Map<String, String> files = new LinkedHashMap<>();
    jdbc.query("SELECT resource_name, sha256 FROM pending_deployment_file WHERE pending_no = ? ORDER BY resource_name",
        rs -> {
          files.put(rs.getString("resource_name"), rs.getString("sha256"));
        }, pendingNo);
    return files;
  }

  private static Approval approval(ResultSet rs) throws SQLException {
    return new Approval(rs.getString("pending_no"), rs.getString("deployment_id"), rs.getString("approver"),
        rs.getObject("approved_at", OffsetDateTime.class), rs.getString("replay_summary"));
  }
}
