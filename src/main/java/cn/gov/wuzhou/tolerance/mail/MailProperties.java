package cn.gov.wuzhou.tolerance.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail of the outbox under {@code tolerance.mail.*}; mail is sent only when {@code spring.mail.host} is set.
 *
 * @param from            the sender's address
 * @param baseUrl         where the webapps are reached, for the links to tasks and documents
 * @param sendInterval    how often each node's sender looks for mail that is due
 * @param reminderInterval how often due dates are looked at for reminders (tomorrow, overdue)
 * @param claimTime       how long a sender holds the mails it took before another node may take them
 * @param retryDelay      the wait after a first failed attempt; it doubles with each further failure
 * @param maxRetryDelay   the longest wait between attempts
 * @param digestHour      the hour (Wuzhou time) at which a person who takes a daily digest gets it
 */
@ConfigurationProperties("tolerance.mail")
public record MailProperties(String from, String baseUrl, Duration sendInterval, Duration reminderInterval,
    Duration claimTime, Duration retryDelay, Duration maxRetryDelay, Integer digestHour) {

  public MailProperties {
    from = from == null || from.isBlank() ? "rongcuo@example.gov.cn" : from;
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    sendInterval = sendInterval == null ? Duration.ofSeconds(30) : sendInterval;
    reminderInterval = reminderInterval == null ? Duration.ofMinutes(15) : reminderInterval;
    claimTime = claimTime == null ? Duration.ofMinutes(2) : claimTime;
    retryDelay = retryDelay == null ? Duration.ofMinutes(1) : retryDelay;
    maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
    digestHour = digestHour == null ? 8 : digestHour;
  }
}
