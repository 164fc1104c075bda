package cn.gov.wuzhou.tolerance.mail;

import cn.gov.wuzhou.tolerance.common.Today;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due mail, on every node, every {@code tolerance.mail.send-interval}: claims what it sends (so a
 * cluster sends each mail once), marks it sent, and when the server fails puts it back with a delay that doubles
 * up to {@code max-retry-delay}, so a failed server delays mail and loses none. A person's digest mails that are due
 * go out together as one mail. Exists only when SMTP is configured.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 50;

  private final Outbox outbox;
  private final JavaMailSender smtp;
  private final MailProperties properties;
  private final Today today;
  private final String node;

  OutboxSender(Outbox outbox, JavaMailSender smtp, MailProperties properties, Today today,
      @Value("${tolerance.node-name:}") String nodeName) {
    this.outbox = outbox;
    this.smtp = smtp;
    this.properties = properties;
    this.today = today;
    this.node = (nodeName.isBlank() ? "node" : nodeName) + "-" + UUID.randomUUID();
  }

  @Scheduled(fixedDelayString = "${tolerance.mail.send-interval:PT30S}", initialDelayString = "PT10S")
  public void sendDue() {
    OffsetDateTime now = today.now();
    List<Mail> claimed;
    do {
      claimed = outbox.claim(node, now, now.plus(properties.claimTime()), BATCH);
      Map<String, List<Mail>> digests = new LinkedHashMap<>();
      for (Mail mail : claimed) {
        if (mail.digest()) {
          digests.computeIfAbsent(mail.recipient(), key -> new ArrayList<>()).add(mail);
        } else {
          send(List.of(mail), mail.subject(), mail.body(), now);
        }
      }
      digests.values().forEach(mails -> send(mails, "【容错纠错】每日汇总：" + mails.size() + " 项", digest(mails), now));
    } while (claimed.size() == BATCH);
  }

  private void send(List<Mail> mails, String subject, String body, OffsetDateTime now) {
    try {
      MimeMessage message = smtp.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(mails.get(0).address());
      helper.setSubject(subject);
      helper.setText(body);
      smtp.send(message);
      mails.forEach(mail -> outbox.sent(mail, node, today.now()));
    } catch (MailException | MessagingException e) {
      for (Mail mail : mails) {
        Duration wait = properties.retryDelay().multipliedBy(1L << Math.min(mail.attempts(), 20));
        outbox.failed(mail, node, now.plus(wait.compareTo(properties.maxRetryDelay()) > 0
            ? properties.maxRetryDelay() : wait), e.getMessage());
      }
      LOG.warn("Mail to {} not sent, will be retried: {}", mails.get(0).recipient(), e.getMessage());
    }
  }

  private static String digest(List<Mail> mails) {
    StringBuilder body = new StringBuilder("以下是您的待办提醒汇总：\n");
    int n = 1;
    for (Mail mail : mails) {
      body.append("\n").append(n++).append(". ").append(mail.subject().replace("【容错纠错】", "")).append("\n")
          .append(mail.body().replaceAll("(?s)^.*?：\\n\\n", "").replaceAll("(?s)\\n\\n本邮件由.*$", "")).append("\n");
    }
    return body.append("\n本邮件由容错纠错系统自动发送，不含案件内容，请登录系统查看和办理。").toString();
  }
}
