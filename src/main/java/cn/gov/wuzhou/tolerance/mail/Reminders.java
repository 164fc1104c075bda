package cn.gov.wuzhou.tolerance.mail;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.mail.MailWriter.TaskFacts;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminders of due dates: a task due within a day, and a task past its due date, each mailed once per person (the
 * outbox's key), whichever node looks first. Exists only when SMTP is configured.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
public class Reminders {

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final MailWriter writer;
  private final Today today;

  Reminders(TaskService tasks, HistoryService history, IdentityService identity, MailWriter writer, Today today) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.writer = writer;
    this.today = today;
  }

  @Scheduled(fixedDelayString = "${tolerance.mail.reminder-interval:PT15M}", initialDelayString = "PT20S")
  public void remind() {
    Date now = Date.from(today.now().toInstant());
    Date tomorrow = Date.from(today.now().plusDays(1).toInstant());
    tasks.createTaskQuery().active().dueAfter(now).dueBefore(tomorrow).list().forEach(task -> mail(Mail.DUE_SOON, task));
    tasks.createTaskQuery().active().dueBefore(now).list().forEach(task -> mail(Mail.OVERDUE, task));
  }

  private void mail(String kind, Task task) {
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> link.getGroupId()).filter(Objects::nonNull).distinct().toList();
    try {
      writer.aboutTask(kind, new TaskFacts(task.getId(), task.getName(), caseNo(task.getProcessInstanceId()),
          task.getDueDate(), groups), identity);
    } catch (DuplicateKeyException another) {
      // another node wrote the same reminder at the same moment: it is mailed once all the same
    }
  }

  private String caseNo(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    if (instance != null && instance.getRootProcessInstanceId() != null
        && !instance.getRootProcessInstanceId().equals(instance.getId())) {
      instance = history.createHistoricProcessInstanceQuery().processInstanceId(instance.getRootProcessInstanceId())
          .singleResult();
    }
    return instance == null ? processInstanceId
        : instance.getBusinessKey() == null || instance.getBusinessKey().isBlank() ? instance.getId()
        : instance.getBusinessKey();
  }
}
