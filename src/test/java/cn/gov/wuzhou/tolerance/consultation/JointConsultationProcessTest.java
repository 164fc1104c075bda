package cn.gov.wuzhou.tolerance.consultation;

import static cn.gov.wuzhou.tolerance.support.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.ConsultationRegistry;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.ProcessTest;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The periodic consultation (定期会商, M7) at city and county level. */
@ProcessTest
class JointConsultationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired ConsultationRegistry registry;
  @Autowired Today today;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void theCycleStartsOneConsultationPerLevel() {
    String schedule = repositoryService.createProcessDefinitionQuery().processDefinitionKey("consultationSchedule")
        .latestVersion().singleResult().getId();
    var timer = managementService.createJobQuery().processDefinitionId(schedule).timers().singleResult();
    assertThat(timer.getDuedate()).isNotNull();
    List<String> before = runningConsultations().stream().map(ProcessInstance::getId).toList();

    execute(timer);
    ProcessInstance cycle = runtimeService.createProcessInstanceQuery().processDefinitionId(schedule).singleResult();
    execute(job(cycle));

    List<String> started = runningConsultations().stream().filter(i -> !before.contains(i.getId()))
        .map(i -> (String) runtimeService.getVariable(i.getId(), "level")).toList();
    assertThat(started).containsExactlyInAnyOrder("CITY", "wanxiu", "changzhou", "longxu", "cangwu", "tengxian",
        "mengshan", "cenxi");
    assertThat(managementService.createJobQuery().processDefinitionId(schedule).timers().count())
        .as("the next cycle is scheduled").isEqualTo(1);
  }

  @Test
  void aCountysTasksReachOnlyThatCountysBodies() {
    ProcessInstance tengxian = start("tengxian");

    assertThat(tengxian).isWaitingAt("giveDisciplineInput", "giveOrganizationInput");
    assertThat(task("giveDisciplineInput", tengxian)).hasCandidateGroup("tengxian-discipline-inspection");
    assertThat(task("giveOrganizationInput", tengxian)).hasCandidateGroup("tengxian-organization-dept");
    assertThat(visibleTo("jiwei", List.of("discipline-inspection"), tengxian)).isZero();
    assertThat(visibleTo("zuzhi", List.of("organization-dept"), tengxian)).isZero();
    assertThat(visibleTo("cenxi-member", List.of("cenxi-discipline-inspection"), tengxian)).isZero();
    assertThat(visibleTo("tengxian-member", List.of("tengxian-discipline-inspection"), tengxian)).isEqualTo(1);
  }

  @Test
  void consultationRecordsMinutesAndSendsFollowUpsToTheSuperiorCommittee() {
    new CaseDriver(engine, today).report(CaseDriver.validReport(today.date()));
    ProcessInstance city = start("CITY");
    String brief = (String) runtimeService.getVariable(city.getId(), "brief");
    assertThat(brief).contains("梧州市容错纠错工作情况", "新受理错情报告", "整改逾期未完成", "一事一议进行中");
    assertThat(brief).doesNotContain("新受理错情报告 0 件");

    complete(task("giveDisciplineInput", city), withVariables("disciplineInput", "本季度报告及时率较高"));
    complete(task("giveOrganizationInput", city), withVariables("organizationInput", "结果运用落实到位"));
    assertThat(city).isWaitingAt("recordResolutions").task().hasCandidateGroup("discipline-inspection");
    complete(task(city), withVariables("resolutions", "加强事前备案宣传", "followUpItems", "督促各单位落实备案制度"));
    execute(job(city));

    String consultationNo = (String) runtimeService.getVariable(city.getId(), "consultationNo");
    assertThat(consultationNo).matches("WZHS-\\d{4}-\\d{4}");
    var minutes = registry.find(consultationNo).orElseThrow();
    assertThat(minutes.level()).isEqualTo("CITY");
    assertThat(minutes.resolutions()).isEqualTo("加强事前备案宣传");
    assertThat(minutes.brief()).isEqualTo(brief);
    assertThat(city).isWaitingAt("followUpResolutions").task().hasCandidateGroup("superior-party-committee");
    complete(task(city), withVariables("followUpReport", "已下发通知"));
    assertThat(city).isEnded().hasPassed("consultationCompleted");
  }

  @Test
  void consultationWithoutFollowUpsEndsWhenTheMinutesAreFiled() {
    ProcessInstance cenxi = start("cenxi");
    complete(task("giveDisciplineInput", cenxi), withVariables("disciplineInput", "无"));
    complete(task("giveOrganizationInput", cenxi), withVariables("organizationInput", "无"));
    complete(task(cenxi), withVariables("resolutions", "继续跟踪"));
    execute(job(cenxi));

    assertThat(cenxi).isEnded().hasNotPassed("followUpResolutions");
  }

  @Test
  void aBodyStartsConsultationsOfItsOwnLevelOnly() {
    identityService.setAuthentication("jiwei", List.of("discipline-inspection"));

    assertThat(runtimeService.startProcessInstanceByKey("jointConsultation", Map.of("level", "CITY"))).isNotNull();
    assertRefusedNaming("level", () -> runtimeService.startProcessInstanceByKey("jointConsultation", Map.of("level", "tengxian")));
    assertThat(assertRefusedNaming("level",
        () -> runtimeService.startProcessInstanceByKey("jointConsultation", Map.of("level", "Guilin"))).getMessage())
        .contains("梧州市", "藤县");
  }

  private ProcessInstance start(String level) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("jointConsultation", Map.of("level", level));
    execute(job(instance));
    return instance;
  }

  private long visibleTo(String user, List<String> groups, ProcessInstance instance) {
    identityService.setAuthentication(user, groups);
    try {
      return taskService.createTaskQuery().processInstanceId(instance.getId()).count();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<ProcessInstance> runningConsultations() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("jointConsultation").list();
  }
}
