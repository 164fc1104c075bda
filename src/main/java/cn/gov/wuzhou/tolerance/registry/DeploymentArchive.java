package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.integrity.IntegrityChain;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every deployment's files for ever: author, time, SHA-256 and content, kept after the deployment is deleted. */
@Repository
public class DeploymentArchive {

  /** One archived file of a deployment. */
  public record ArchivedFile(String deploymentId, String resourceName, String deploymentName, String source,
      String author, OffsetDateTime deployedAt, long sizeBytes, String sha256) {}

  private final JdbcTemplate jdbc;
  private final IntegrityChain chain;

  public DeploymentArchive(JdbcTemplate jdbc, IntegrityChain chain) {
    this.jdbc = jdbc;
    this.chain = chain;
  }

  /** Archives one file, once: the deployers run again when a deployment is read back, and then nothing is added. */
  public void archive(String deploymentId, String deploymentName, String source, String author,
      Date deployedAt, String resourceName, byte[] content) {
    Integer existing = jdbc.queryForObject(
        "SELECT COUNT(*) FROM deployment_archive WHERE deployment_id = ? AND resource_name = ?",
        Integer.class, deploymentId, resourceName);
    if (existing != null && existing > 0) {
      return;
    }
    jdbc.update("""
        INSERT INTO deployment_archive (deployment_id, resource_name, deployment_name, source, author, deployed_at,
          size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        deploymentId, resourceName, deploymentName, source, author,
        OffsetDateTime.ofInstant((deployedAt == null ? new Date() : deployedAt).toInstant(), ZoneOffset.UTC),
        content.length, sha256(content), content);
    chain.append("deployment_archive", deploymentId, resourceName);
  }

  /** The archived files, newest deployment first. */
  public Page<ArchivedFile> list(int page, int size) {
    List<ArchivedFile> items = jdbc.query("""
        SELECT deployment_id, resource_name, deployment_name, source, author, deployed_at, size_bytes, sha256
        FROM deployment_archive ORDER BY deployed_at DESC, deployment_id, resource_name LIMIT ? OFFSET ?""",
        (rs, row) -> new ArchivedFile(rs.getString("deployment_id"), rs.getString("resource_name"),
            rs.getString("deployment_name"), rs.getString("source"), rs.getString("author"),
            rs.getObject("deployed_at", OffsetDateTime.class), rs.getLong("size_bytes"), rs.getString("sha256")),
        size, (long) page * size);
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM deployment_archive", Long.class);
    return new Page<>(items, page, size, total == null ? 0 : total);
  }

  /** The bytes of one archived file. */
  public Optional<byte[]> content(String deploymentId, String resourceName) {
    return jdbc.query("SELECT content FROM deployment_archive WHERE deployment_id = ? AND resource_name = ?",
        (rs, row) -> rs.getBytes("content"), deploymentId, resourceName).stream().findFirst();
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
