package cn.gov.wuzhou.tolerance.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.MemberCompletes;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mail through the outbox, with a real SMTP server (GreenMail) on a free port: new tasks reach their groups' members
 * once, an outage delays mail and loses none, two senders on one database send each mail once, a digest gathers a
 * person's mails, reminders go out once per task and kind.
 */
@SpringBootTest(properties = {
    "camunda.bpm.process-engine-name=mailTests",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "tolerance.mail.scheduling=false",
    "tolerance.mail.base-url=https://rongcuo.example.gov.cn"})
@ActiveProfiles("test")
@Import(MemberCompletes.class)
class MailOutboxTest {

  static final int PORT = freePort();
  static GreenMail smtp = started();

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> PORT);
  }

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired OutboxSender sender;
  @Autowired Reminders reminders;
  @Autowired Outbox outbox;
  @Autowired JavaMailSender javaMailSender;
  @Autowired MailProperties properties;
  @Autowired JdbcTemplate jdbc;
  @Autowired Today today;

  CaseDriver cases;

  @BeforeEach
  void cleanSlate() throws Exception {
    BpmnAwareTests.init(engine);
    cases = new CaseDriver(engine, today);
    // mail of earlier tests is out of this one's way
    jdbc.update("DELETE FROM mail_outbox");
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.deleteUserInfo("commerce-clerk", MailWriter.DIGEST);
  }

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  @Test
  void aNewTaskReachesItsGroupsMembersOnceWithNumberStepDueDateAndLinkButNoFacts() throws Exception {
    ProcessInstance instance = cases.report(cases.validReport());
    sender.sendDue();
    sender.sendDue();

    Task acknowledgement = task("acknowledgeBySuperiorCommittee", instance);
    List<MimeMessage> toSecretary = to("party-secretary@example.gov.cn");
    assertThat(toSecretary).hasSize(1);
    MimeMessage mail = toSecretary.get(0);
    assertThat(mail.getSubject()).contains("新待办").contains("上级党委（党组）接收报告").contains(instance.getBusinessKey());
    assertThat(mail.getFrom()[0].toString()).isEqualTo(properties.from());
    assertThat(text(mail)).contains("事项编号：" + instance.getBusinessKey())
        .contains("办理期限：" + today.local(acknowledgement.getDueDate().toInstant().atOffset(java.time.ZoneOffset.UTC))
            .toLocalDate())
        .contains("https://rongcuo.example.gov.cn/camunda/app/tasklist/default/#/?task=" + acknowledgement.getId())
        .doesNotContain("李明").doesNotContain("产业帮扶").doesNotContain("外资科科长");
    assertThat(to("jiwei@example.gov.cn")).hasSize(1);
    assertThat(to("commerce-clerk@example.gov.cn")).hasSize(1);
    assertThat(to("zuzhi@example.gov.cn")).as("no task of the organization department yet").isEmpty();
  }

  @Test
  void anSmtpOutageDuringACaseDelaysMailAndThenDeliversEveryMailExactlyOnce() throws Exception {
    smtp.stop();
    ProcessInstance instance = cases.readyForReview();
    sender.sendDue();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND attempts = 1",
        Integer.class)).as("every mail tried once and kept").isGreaterThanOrEqualTo(6);
    sender.sendDue();
    assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM mail_outbox WHERE sent_at IS NULL", Integer.class))
        .as("no new attempt before the back-off").isEqualTo(1);

    complete(task(instance), CaseDriver.cleanFindings());
    moveClock(Duration.ofMinutes(2));
    sender.sendDue();
    assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM mail_outbox WHERE sent_at IS NULL", Integer.class))
        .isEqualTo(2);

    smtp = started();
    moveClock(Duration.ofMinutes(10));
    sender.sendDue();
    sender.sendDue();

    int written = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Integer.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL", Integer.class)).isZero();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(written);
    assertThat(Arrays.stream(received).map(MailOutboxTest::key).collect(Collectors.toSet()))
        .as("no mail twice").hasSize(received.length);
    assertThat(to("wenze@example.gov.cn")).extracting(MimeMessage::getSubject)
        .as("the office's review, written during the outage, and its next task, written after")
        .satisfiesExactlyInAnyOrder(s -> assertThat(s).contains("核查认定"), s -> assertThat(s).contains("提出认定意见"));
  }

  @Test
  void twoSendersOnOneDatabaseSendEachMailOnce() throws Exception {
    for (int i = 0; i < 3; i++) {
      cases.report(cases.validReport());
    }
    int waiting = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL", Integer.class);
    assertThat(waiting).isGreaterThanOrEqualTo(9);
    OutboxSender nodeA = new OutboxSender(outbox, javaMailSender, properties, today, "node-a");
    OutboxSender nodeB = new OutboxSender(outbox, javaMailSender, properties, today, "node-b");

    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> running = List.of(nodeA, nodeB, nodeA, nodeB).stream()
        .map(node -> CompletableFuture.runAsync(() -> {
          await(start);
          node.sendDue();
        })).toList();
    start.countDown();
    running.forEach(CompletableFuture::join);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(waiting);
    assertThat(Arrays.stream(received).map(MailOutboxTest::key).collect(Collectors.toSet())).hasSize(waiting);
  }

  @Test
  void aPersonWhoTakesTheDigestGetsOneMailAtTheDigestHour() throws Exception {
    identityService.setUserInfo("commerce-clerk", MailWriter.DIGEST, "true");
    ProcessInstance first = cases.report(cases.validReport());
    ProcessInstance second = cases.report(cases.validReport());
    sender.sendDue();
    assertThat(to("commerce-clerk@example.gov.cn")).as("nothing before the digest hour").isEmpty();
    assertThat(to("party-secretary@example.gov.cn")).hasSize(2);

    OffsetDateTime digestTime = jdbc.queryForObject(
        "SELECT MIN(next_attempt_at) FROM mail_outbox WHERE recipient = 'commerce-clerk' AND sent_at IS NULL",
        OffsetDateTime.class);
    assertThat(today.local(digestTime).getHour()).isEqualTo(properties.digestHour());
    ClockUtil.setCurrentTime(Date.from(digestTime.toInstant().plusSeconds(60)));
    sender.sendDue();
    sender.sendDue();

    List<MimeMessage> digests = to("commerce-clerk@example.gov.cn");
    assertThat(digests).hasSize(1);
    assertThat(digests.get(0).getSubject()).contains("每日汇总：2 项");
    assertThat(text(digests.get(0))).contains(first.getBusinessKey()).contains(second.getBusinessKey()).contains("提交整改方案");
  }

  @Test
  void aTaskDueTomorrowAndThenOverdueIsRemindedOncePerKind() throws Exception {
    ProcessInstance instance = cases.report(cases.validReport());
    sender.sendDue();
    smtp.purgeEmailFromAllMailboxes();
    Task plan = task("submitCorrectionPlan", instance);

    ClockUtil.setCurrentTime(Date.from(plan.getDueDate().toInstant().minus(Duration.ofHours(12))));
    reminders.remind();
    reminders.remind();
    sender.sendDue();
    assertThat(to("commerce-clerk@example.gov.cn")).extracting(MimeMessage::getSubject)
        .filteredOn(subject -> subject.contains("提交整改方案")).singleElement().asString().contains("明日到期");

    smtp.purgeEmailFromAllMailboxes();
    ClockUtil.setCurrentTime(Date.from(plan.getDueDate().toInstant().plus(Duration.ofHours(1))));
    reminders.remind();
    sender.sendDue();
    ClockUtil.setCurrentTime(Date.from(plan.getDueDate().toInstant().plus(Duration.ofDays(1))));
    reminders.remind();
    sender.sendDue();
    assertThat(to("commerce-clerk@example.gov.cn")).extracting(MimeMessage::getSubject)
        .filteredOn(subject -> subject.contains("提交整改方案")).singleElement().asString().contains("已逾期");
  }

  @Test
  void theUnitIsMailedWhenTheDecisionIsServed() throws Exception {
    ProcessInstance instance = cases.readyForReview();
    complete(task(instance), CaseDriver.cleanFindings());
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    sender.sendDue();

    String documentId = (String) engine.getRuntimeService().getVariable(instance.getId(), "decisionDocumentId");
    List<MimeMessage> toUnit = to("commerce-clerk@example.gov.cn");
    assertThat(toUnit).extracting(MimeMessage::getSubject).anySatisfy(s -> assertThat(s).contains("认定意见书送达"))
        .anySatisfy(s -> assertThat(s).contains("签收认定意见书"));
    assertThat(toUnit.stream().map(MailOutboxTest::text).filter(t -> t.contains("/api/documents/" + documentId)))
        .hasSize(1).allSatisfy(t -> assertThat(t).doesNotContain("李明").doesNotContain("产业帮扶"));
  }

  private List<MimeMessage> to(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String text(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String key(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients()) + "|" + message.getSubject() + "|" + text(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static GreenMail started() {
    GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
