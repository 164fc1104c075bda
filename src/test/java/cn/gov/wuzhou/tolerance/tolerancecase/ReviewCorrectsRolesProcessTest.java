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
import cn.gov.wuzhou.tolerance.registry.ProtectionNotice;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The accountability office corrects the official's roles at 核查认定, with its reason; the notices follow them. */
@ProcessTest
class ReviewCorrectsRolesProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired DecisionRegistry decisions;
  @Autowired ProtectionRegistry protections;
  @Autowired Today today;

  CaseDriver cases;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    cases = new CaseDriver(engine, today);
  }

  @Test
  void rolesTheOfficeCorrectedDriveTheNotices() {
    ProcessInstance instance = reviewing(cases.reportWith("officialRoles", "NPC_DEPUTY"));

    complete(task("reviewCase", instance), findings("officialRoles", "RESERVE_CADRE,CPPCC_MEMBER",
        "reclassificationReason", "经查干部档案，当事人系市政协委员、后备干部，非人大代表。"));
    complete(task("proposeDetermination", instance));
    complete(task("approveDetermination", instance), withVariables("approved", "true"));
    execute(job(instance));

    assertThat(instance).isWaitingAt("confirmOfficialRoles").variables()
        .containsEntry("officialRoles", "CPPCC_MEMBER,RESERVE_CADRE").containsEntry("officialRolesReported", "NPC_DEPUTY");
    assertThat(decisions.findByProcessInstance(instance.getId()).orElseThrow().basis())
        .contains("问责承办机关当事人身份由“人大代表”更正为“政协委员、后备干部”，理由：经查干部档案，当事人系市政协委员、后备干部，非人大代表");
    complete(task("confirmOfficialRoles", instance));
    execute(job(instance));

    String decisionNo = (String) engine.getRuntimeService().getVariable(instance.getId(), "decisionNo");
    assertThat(protections.ofDecision(decisionNo)).extracting(ProtectionNotice::matter)
        .contains("CPPCC_MEMBER", "RESERVE_CADRE").doesNotContain("NPC_DEPUTY");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("cppcc-committee")
        .count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("npc-standing-committee")
        .count()).isZero();
  }

  @Test
  void aCorrectionOfTheRolesWithoutAReasonIsRefused() {
    ProcessInstance instance = reviewing(cases.reportWith("officialRoles", "NPC_DEPUTY"));

    assertRefusedNaming("reclassificationReason", () -> complete(task("reviewCase", instance),
        findings("officialRoles", "")));
    assertRefusedNaming("officialRoles", () -> complete(task("reviewCase", instance),
        findings("officialRoles", "MAYOR", "reclassificationReason", "更正")));

    assertThat(instance).isWaitingAt("reviewCase").variables().containsEntry("officialRoles", "NPC_DEPUTY")
        .doesNotContainKeys("officialRolesReported", "reclassification");
    // confirming the roles as reported needs no reason
    complete(task("reviewCase", instance), findings("officialRoles", "NPC_DEPUTY"));
    assertThat(instance).isWaitingAt("proposeDetermination").variables().doesNotContainKey("reclassification");
  }

  private ProcessInstance reviewing(Map<String, Object> report) {
    ProcessInstance instance = cases.report(report);
    cases.acknowledgeReport(instance);
    cases.correct(instance, today.date());
    return instance;
  }

  private static Map<String, Object> findings(Object... namesAndValues) {
    Map<String, Object> findings = CaseDriver.cleanFindings();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      findings.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return findings;
  }
}
