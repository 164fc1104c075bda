package cn.gov.wuzhou.tolerance.mail;

import java.time.OffsetDateTime;

/** A mail of the outbox: to one person, once per {@code dedupKey}. */
public record Mail(String id, String dedupKey, String kind, String recipient, String address, String subject,
    String body, boolean digest, OffsetDateTime nextAttemptAt, int attempts) {

  /** A new task of the person's group. */
  public static final String NEW_TASK = "NEW_TASK";
  /** A task due tomorrow. */
  public static final String DUE_SOON = "DUE_SOON";
  /** A task past its due date. */
  public static final String OVERDUE = "OVERDUE";
  /** The 认定意见书 served on the unit. */
  public static final String DECISION = "DECISION";
}
