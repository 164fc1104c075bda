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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import cn.gov.wuzhou.tolerance.support.MemberCompletes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A case begun on the first released version of {@code toleranceCase} (its BPMN, rules and forms, kept in
 * {@code src/test/resources/first-version}) is worked to its end by today's delegates. The old version is
 * deployed on an engine of its own, so it never becomes the latest version for other tests.
 */
@SpringBootTest(properties = {
    "camunda.bpm.process-engine-name=firstVersionCases",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("test")
@Import(MemberCompletes.class)
class FirstVersionCaseTest {

  @Autowired ProcessEngine engine;
  @Autowired DecisionRegistry decisions;
  @Autowired ProtectionRegistry protections;
  @Autowired Today today;

  @Test
  void aCaseRunningOnTheFirstVersionIsDecidedAndEndsAsItWouldHave() throws IOException {
    BpmnAwareTests.init(engine);
    ProcessDefinition first = deployFirstVersion();
    Map<String, Object> report = CaseDriver.validReport(today.date());
    engine.getIdentityService().setAuthentication("commerce-clerk", List.of("unit-commerce"));
    ProcessInstance instance;
    try {
      instance = engine.getRuntimeService().startProcessInstanceById(first.getId(), report);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    new CaseDriver(engine, today).runJobs(instance);

    assertThat(instance).variables().containsEntry("reportedTimely", true);
    complete(task("acknowledgeBySuperiorCommittee", instance), withVariables("superiorAcknowledged", true));
    complete(task("acknowledgeByDisciplineInspection", instance), withVariables("disciplineAcknowledged", true));
    complete(task("submitCorrectionPlan", instance), withVariables("correctionPlan", "重新论证选址"));
    complete(task("reportCorrectionCompleted", instance),
        withVariables("correctionCompletedOn", today.date().toString(), "correctionReport", "已完成"));
    engine.getRuntimeService().removeVariable(instance.getId(), "correctionVerifiedOn"); // reported before the upgrade
    complete(task("verifyCorrection", instance), withVariables("correctionVerified", "true"));
    Map<String, Object> findings = CaseDriver.cleanFindings();
    findings.remove("actedInPublicInterest"); // the first version's review form did not ask it
    assertRefusedNaming("actedInPublicInterest", () -> complete(task("reviewCase", instance), findings));
    findings.put("actedInPublicInterest", "true"); // answered before the case is decided
    complete(task("reviewCase", instance), findings);
    complete(task("proposeDetermination", instance));
    complete(task("approveDetermination", instance), withVariables("approved", "true"));
    execute(job(instance));

    assertThat(instance).isWaitingAt("issueProtectionNotices").variables()
        .containsEntry("correctedTimely", true).containsEntry("determination", "TOLERATE");
    assertThat(decisions.findByProcessInstance(instance.getId()).orElseThrow().findings().actedInPublicInterest()).isTrue();

    execute(job(instance));
    engine.getTaskService().claim(task("acknowledgeProtectionByOrganization", instance).getId(), "zuzhi");
    complete(task("acknowledgeProtectionByOrganization", instance), withVariables("protectionAcknowledged", true));
    engine.getTaskService().claim(task("acknowledgeProtectionByHr", instance).getId(), "renshe");
    complete(task("acknowledgeProtectionByHr", instance), withVariables("protectionAcknowledged", true));
    new CaseDriver(engine, today).runJobs(instance);

    assertThat(instance).isEnded().hasPassed("caseTolerated");
    String decisionNo = decisions.findByProcessInstance(instance.getId()).orElseThrow().decisionNo();
    assertThat(protections.ofDecision(decisionNo)).flatExtracting(ProtectionNotice::acknowledgements)
        .filteredOn(note -> note.department().equals("ORGANIZATION")).isNotEmpty()
        .allSatisfy(note -> assertThat(note.by()).isEqualTo("zuzhi"));
  }

  private ProcessDefinition deployFirstVersion() throws IOException {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("容错纠错案件（第一版）");
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/first-version"))) {
      for (Path file : files.toList()) {
        deployment.addString(file.getFileName().toString(), Files.readString(file));
      }
    }
    String deploymentId = deployment.deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
        .processDefinitionKey("toleranceCase").singleResult();
  }
}
