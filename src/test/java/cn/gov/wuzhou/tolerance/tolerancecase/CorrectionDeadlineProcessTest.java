package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.support.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The correction deadline in force (M5): set by the superior committee when it acknowledges the report, extended only
 * by 纪委监委 on the unit's request; the supervision and the closure of an unverified correction follow it.
 */
@ProcessTest
class CorrectionDeadlineProcessTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired DecisionRegistry decisions;
  @Autowired Today today;

  CaseDriver cases;
  LocalDate start;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    cases = new CaseDriver(engine, today);
    start = today.date();
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void theSuperiorCommitteeSetsTheDeadlineAndTheTimersFollowIt() {
    ProcessInstance instance = cases.report(cases.validReport());
    LocalDate chosen = start.plusDays(45);

    assertRefusedNaming("correctionDeadline", () -> complete(task("acknowledgeBySuperiorCommittee", instance),
        withVariables("superiorAcknowledged", true, "correctionDeadline", start.toString())));
    assertRefusedNaming("correctionDeadline", () -> complete(task("acknowledgeBySuperiorCommittee", instance),
        withVariables("superiorAcknowledged", true, "correctionDeadline", start.plusDays(181).toString())));
    assertThat(instance).isWaitingAt("acknowledgeBySuperiorCommittee").variables()
        .containsEntry("correctionDeadline", start.plusDays(30).toString());
    complete(task("acknowledgeBySuperiorCommittee", instance),
        withVariables("superiorAcknowledged", true, "correctionDeadline", chosen.toString()));

    assertThat(instance).variables().containsEntry("correctionDeadline", chosen.toString());
    assertThat(timer(instance, "correctionOverdue").getDuedate()).isEqualTo(endOf(chosen));
    assertThat(timer(instance, "correctionExpired").getDuedate()).isEqualTo(endOf(chosen.plusDays(60)));
    assertThat(task("reportCorrectionCompleted", instance)).isNull();
    complete(task("submitCorrectionPlan", instance), withVariables("correctionPlan", "重新论证选址"));
    assertThat(task("reportCorrectionCompleted", instance).getDueDate()).isEqualTo(endOf(chosen));
  }

  @Test
  void anExtensionGrantedAndTheTimersMoved() {
    ProcessInstance instance = planSubmitted();
    LocalDate deadline = start.plusDays(30);
    LocalDate extended = start.plusDays(120);

    assertThat(task("requestCorrectionExtension", instance)).hasCandidateGroup("unit-commerce");
    assertRefusedNaming("requestedDeadline", () -> complete(task("requestCorrectionExtension", instance),
        withVariables("requestedDeadline", deadline.toString(), "extensionReason", "设备到货延迟")));
    complete(task("requestCorrectionExtension", instance),
        withVariables("requestedDeadline", start.plusDays(130).toString(), "extensionReason", "设备到货延迟，需重新安装调试。"));
    assertThat(task("decideCorrectionExtension", instance)).hasCandidateGroup("discipline-inspection");
    complete(task("decideCorrectionExtension", instance), withVariables("extensionGranted", "true",
        "grantedDeadline", extended.toString(), "extensionDecisionReason", "理由属实，酌情延长。"));

    assertThat(instance).variables().containsEntry("correctionDeadline", extended.toString());
    Job supervision = timer(instance, "correctionOverdue");
    Job closing = timer(instance, "correctionExpired");
    assertThat(supervision.getDuedate()).isEqualTo(endOf(extended));
    assertThat(closing.getDuedate()).isEqualTo(endOf(extended.plusDays(60)));
    assertThat(task("reportCorrectionCompleted", instance).getDueDate()).isEqualTo(endOf(extended));
    assertThat(task("requestCorrectionExtension", instance)).as("the unit may ask again").isNotNull();

    // the old deadline and its closure pass: nothing is due
    moveClockTo(deadline.plusDays(61));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();
    assertThat(instance).isWaitingAt("reportCorrectionCompleted");

    // the supervision comes at the new deadline, then every 15 days from it
    moveClockTo(extended.plusDays(1));
    execute(supervision);
    complete(task("superviseCorrection", instance), withVariables("supervisionNote", "请抓紧整改。"));
    assertThat(timer(instance, "correctionOverdue").getDuedate()).isEqualTo(endOf(extended.plusDays(15)));

    // and the case closes 60 days after the new deadline
    moveClockTo(extended.plusDays(61));
    execute(timer(instance, "correctionExpired"));
    assertThat(instance).isWaitingAt("reviewCase").variables().containsEntry("correctedTimely", false);
    complete(task(instance), CaseDriver.cleanFindings());
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    assertThat(decisions.findByProcessInstance(instance.getId()).orElseThrow().basis())
        .contains("整改期限延期：单位于 " + start + " 申请将整改期限由 " + deadline + " 延至 " + start.plusDays(130),
            "纪委监委于 " + start + " 同意延至 " + extended + "，理由：理由属实，酌情延长",
            "整改期限（" + extended + "）届满 60 日仍未核实整改到位");
  }

  @Test
  void aRefusedExtensionLeavesTheDeadlineAndTheTimers() {
    ProcessInstance instance = planSubmitted();
    LocalDate deadline = start.plusDays(30);
    Date supervisionDue = timer(instance, "correctionOverdue").getDuedate();
    Date closingDue = timer(instance, "correctionExpired").getDuedate();

    complete(task("requestCorrectionExtension", instance),
        withVariables("requestedDeadline", start.plusDays(60).toString(), "extensionReason", "工作量大。"));
    assertRefusedNaming("extensionDecisionReason", () -> complete(task("decideCorrectionExtension", instance),
        withVariables("extensionGranted", "false")));
    complete(task("decideCorrectionExtension", instance),
        withVariables("extensionGranted", "false", "extensionDecisionReason", "整改内容简单，原期限足够。"));

    assertThat(instance).variables().containsEntry("correctionDeadline", deadline.toString())
        .containsEntry("correctionExtensions", "单位于 " + start + " 申请将整改期限由 " + deadline + " 延至 "
            + start.plusDays(60) + "，理由：工作量大，纪委监委于 " + start + " 不同意延期，理由：整改内容简单，原期限足够")
        .doesNotContainKey("grantedDeadline");
    assertThat(timer(instance, "correctionOverdue").getDuedate()).isEqualTo(supervisionDue).isEqualTo(endOf(deadline));
    assertThat(timer(instance, "correctionExpired").getDuedate()).isEqualTo(closingDue);
    assertThat(task("requestCorrectionExtension", instance)).isNotNull();

    // verified: the standing request goes with the correction
    complete(task("reportCorrectionCompleted", instance),
        withVariables("correctionCompletedOn", start.toString(), "correctionReport", "已完成"));
    complete(task("verifyCorrection", instance), withVariables("correctionVerified", "true"));
    assertThat(instance).isWaitingAt("reviewCase");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
  }

  /** A case acknowledged as reported (deadline 30 days from today), the unit's plan in. */
  private ProcessInstance planSubmitted() {
    ProcessInstance instance = cases.report(cases.validReport());
    cases.acknowledgeReport(instance);
    complete(task("submitCorrectionPlan", instance), withVariables("correctionPlan", "重新论证选址"));
    return instance;
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
  }

  private static void moveClockTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZONE).toInstant()));
  }
}
