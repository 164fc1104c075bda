package cn.gov.wuzhou.tolerance.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Mails are written in the transaction of the engine command that causes them; senders claim
 * them one by one with a conditional update, which the database lets only one node win (H2 and PostgreSQL re-check
 * the condition on the row they lock), so each mail is sent by one node.
 */
@Repository
class Outbox {

  private final JdbcTemplate jdbc;

  Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the mail unless one with its key exists; in the caller's transaction, so no error may abort it. */
  void add(Mail mail, OffsetDateTime now) {
    jdbc.update("""
        INSERT INTO mail_outbox (id, dedup_key, kind, recipient, address, subject, body, digest, created_at,
          next_attempt_at, attempts)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0 FROM (VALUES (1)) one
        WHERE NOT EXISTS (SELECT 1 FROM mail_outbox WHERE dedup_key = ?)""",
        mail.id(), mail.dedupKey(), mail.kind(), mail.recipient(), mail.address(), mail.subject(), mail.body(),
        mail.digest(), now, mail.nextAttemptAt(), mail.dedupKey());
  }

  /** Takes up to {@code limit} mails that are due and nobody holds, for {@code node} until {@code until}. */
  List<Mail> claim(String node, OffsetDateTime now, OffsetDateTime until, int limit) {
    List<String> candidates = jdbc.queryForList("""
        SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= ?
          AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?""",
        String.class, now, now, limit);
    List<String> claimed = new ArrayList<>();
    for (String id : candidates) {
      if (jdbc.update("""
          UPDATE mail_outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND sent_at IS NULL
            AND (claimed_until IS NULL OR claimed_until < ?)""", node, until, id, now) == 1) {
        claimed.add(id);
      }
    }
    List<Mail> mails = new ArrayList<>();
    for (String id : claimed) {
      mails.addAll(jdbc.query("SELECT * FROM mail_outbox WHERE id = ? AND claimed_by = ?", Outbox::map, id, node));
    }
    return mails;
  }

  void sent(Mail mail, String node, OffsetDateTime now) {
    jdbc.update("UPDATE mail_outbox SET sent_at = ?, claimed_by = NULL, claimed_until = NULL, last_error = NULL"
        + " WHERE id = ? AND claimed_by = ?", now, mail.id(), node);
  }

  void failed(Mail mail, String node, OffsetDateTime retryAt, String error) {
    jdbc.update("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, claimed_by = NULL,"
        + " claimed_until = NULL, last_error = ? WHERE id = ? AND claimed_by = ?", retryAt,
        error == null ? null : error.substring(0, Math.min(error.length(), 1000)), mail.id(), node);
  }

  private static Mail map(ResultSet rs, int row) throws SQLException {
    return new Mail(rs.getString("id"), rs.getString("dedup_key"), rs.getString("kind"), rs.getString("recipient"),
        rs.getString("address"), rs.getString("subject"), rs.getString("body"), rs.getBoolean("digest"),
        rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getInt("attempts"));
  }
}
