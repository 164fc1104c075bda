package cn.gov.wuzhou.tolerance.identity;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each unit's own 上级党委（党组） ({@code tolerance.units.<unit>.party-organization}): two city units, each
 * acknowledged and approved by its own party organization.
 */
@ProcessTest
class UnitPartyOrganizationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired Today today;
  CaseDriver cases;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    cases = new CaseDriver(engine, today);
  }

  @Test
  void twoCityUnitsAreAcknowledgedAndApprovedByTheirOwnPartyOrganizations() {
    ProcessInstance transport = cases.report(cases.validReport(), "transport-clerk", "unit-transport");
    ProcessInstance commerce = cases.report(cases.validReport(), "commerce-clerk", "unit-commerce");

    assertThat(transport).task("acknowledgeBySuperiorCommittee").hasCandidateGroup("transport-party-group");
    assertThat(commerce).task("acknowledgeBySuperiorCommittee").hasCandidateGroup("superior-party-committee");
    // the rest of each case stays with the city's bodies
    assertThat(transport).task("acknowledgeByDisciplineInspection").hasCandidateGroup("discipline-inspection");

    cases.acknowledgeReport(transport);
    cases.correct(transport, today.date());
    complete(task("reviewCase", transport), CaseDriver.cleanFindings());
    complete(task("proposeDetermination", transport));
    assertThat(transport).task("approveDetermination").hasCandidateGroup("transport-party-group");
  }
}
