package cn.gov.wuzhou.tolerance.mail;

import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes the mails of the outbox: to each member of a task's groups who has an address, what waits (the 事项编号,
 * the step, the body it waits for, the due date and a link). A mail never carries what the case is about: whoever
 * reads it signs in to see that. Nothing is written while no SMTP server is configured ({@code spring.mail.host}).
 */
@Component
public class MailWriter {

  /** The user info entry ({@code IdentityService#setUserInfo}) by which a person takes one digest a day. */
  public static final String DIGEST = "mailDigest";

  /** What a task is, for its mail. */
  public record TaskFacts(String taskId, String step, String caseNo, Date due, Collection<String> groups) {}

  private final Outbox outbox;
  private final MailProperties properties;
  private final ObjectProvider<JavaMailSender> smtp;
  private final Today today;

  MailWriter(Outbox outbox, MailProperties properties, ObjectProvider<JavaMailSender> smtp, Today today) {
    this.outbox = outbox;
    this.properties = properties;
    this.smtp = smtp;
    this.today = today;
  }

  public boolean enabled() {
    return smtp.getIfAvailable() != null;
  }

  /** Mail of one kind about a task to the members of its groups, once per task, kind and person. */
  public void aboutTask(String kind, TaskFacts task, IdentityService identity) {
    if (!enabled()) {
      return;
    }
    for (String groupId : task.groups()) {
      String groupName = groupName(identity, groupId);
      for (User user : members(identity, groupId)) {
        String intro = switch (kind) {
          case Mail.NEW_TASK -> "您所在的" + groupName + "有一项新的待办事项。";
          case Mail.DUE_SOON -> "您所在的" + groupName + "有一项待办事项明天到期。";
          case Mail.OVERDUE -> "您所在的" + groupName + "有一项待办事项已逾期，请尽快办理。";
          default -> throw new IllegalArgumentException(kind);
        };
        String subject = "【容错纠错】" + switch (kind) {
          case Mail.NEW_TASK -> "新待办";
          case Mail.DUE_SOON -> "明日到期";
          default -> "已逾期";
        } + "：" + task.step() + "（" + task.caseNo() + "）";
        String body = greeting(user) + intro + "\n\n事项编号：" + task.caseNo() + "\n办理环节：" + task.step()
            + "\n办理机关：" + groupName + "\n办理期限：" + (task.due() == null ? "无" : date(task.due()))
            + "\n办理链接：" + properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.taskId();
        add(identity, user, kind, task.taskId() + "/" + kind + "/" + user.getId(), subject, body);
      }
    }
  }

  /** The 认定意见书 served: to the members of the unit, with the link to the document (which needs signing in). */
  public void decisionServed(String caseNo, String unitGroup, String documentId, IdentityService identity) {
    if (!enabled()) {
      return;
    }
    for (User user : members(identity, unitGroup)) {
      String body = greeting(user) + "事项编号 " + caseNo + " 的《容错纠错认定意见书》已制发，送达" + groupName(identity, unitGroup)
          + "，请在待办「签收认定意见书」中签收，并向当事人送达。\n\n事项编号：" + caseNo + "\n认定意见书：" + properties.baseUrl()
          + "/api/documents/" + documentId;
      add(identity, user, Mail.DECISION, documentId + "/" + Mail.DECISION + "/" + user.getId(),
          "【容错纠错】认定意见书送达（" + caseNo + "）", body);
    }
  }

  private void add(IdentityService identity, User user, String kind, String key, String subject, String body) {
    boolean digest = "true".equals(identity.getUserInfo(user.getId(), DIGEST));
    OffsetDateTime now = today.now();
    outbox.add(new Mail(UUID.randomUUID().toString(), key, kind, user.getId(), user.getEmail(), subject,
        body + "\n\n本邮件由容错纠错系统自动发送，不含案件内容，请登录系统查看和办理。", digest,
        digest ? nextDigest(now) : now, 0), now);
  }

  /** The next digest hour in Wuzhou. */
  OffsetDateTime nextDigest(OffsetDateTime now) {
    OffsetDateTime todays = now.toLocalDate().atTime(properties.digestHour(), 0).atZone(now.getOffset())
        .toOffsetDateTime();
    return now.isBefore(todays) ? todays : todays.plusDays(1);
  }

  private static Set<User> members(IdentityService identity, String groupId) {
    Set<User> users = new LinkedHashSet<>();
    for (User user : identity.createUserQuery().memberOfGroup(groupId).list()) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        users.add(user);
      }
    }
    return users;
  }

  private static String greeting(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return (name.isEmpty() ? user.getId() : name) + "：\n\n";
  }

  private static String groupName(IdentityService identity, String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null ? groupId : group.getName();
  }

  private String date(Date due) {
    ZoneId zone = today.now().getOffset();
    return LocalDate.ofInstant(due.toInstant(), zone).toString();
  }
}
