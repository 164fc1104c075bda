package cn.gov.wuzhou.tolerance.prefiling;

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
import cn.gov.wuzhou.tolerance.document.IssuedDocuments;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ProcessTest
class PrefilingProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired PrefilingRegistry registry;
  @Autowired IssuedDocuments receipts;
  @Autowired JdbcTemplate jdbc;
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
  void planRegisteredAtFirstReviewGetsNumberAndRegistryRecordAndReceipt() throws IOException {
    ProcessInstance instance = fileAsCommerceClerk(Plans.valid());

    assertThat(instance).isWaitingAt("reviewPrefiling").task().hasCandidateGroup("discipline-inspection");
    assertThat(task(instance).getDueDate()).isNotNull();
    complete(task(instance), withVariables("prefilingDecision", "REGISTERED"));

    assertThat(instance).isWaitingAt("registerPrefiling");
    execute(job(instance));

    assertThat(instance).isWaitingAt("receivePrefilingReceipt").task().hasCandidateGroup("unit-commerce");
    String number = prefilingNo(instance);
    assertThat(number).matches("WZBA-\\d{4}-\\d{4}");
    var record = registry.find(number).orElseThrow();
    assertThat(record.unitGroup()).isEqualTo("unit-commerce");
    assertThat(record.unitName()).isEqualTo("市商务局");
    assertThat(record.planTitle()).isEqualTo("重点招商项目容缺受理试点");
    var receipt = receipts.issued(instance.getId(), "RECEIPT").orElseThrow();
    assertThat(runtimeService.getVariable(instance.getId(), "receiptDocumentId")).isEqualTo(receipt.id());
    try (var pdf = Loader.loadPDF(receipts.content(receipt))) {
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\R", ""))
          .contains("事前备案回执", number, "市商务局：", "重点招商项目容缺受理试点");
    }

    complete(task(instance));
    assertThat(instance).isEnded()
        .hasPassedInOrder("reviewPrefiling", "registerPrefiling", "receivePrefilingReceipt", "prefilingRegistered");
  }

  @Test
  void returnedPlanGoesBackToTheUnitAndIsReviewedAgain() {
    ProcessInstance instance = fileAsCommerceClerk(Plans.valid());
    complete(task(instance), withVariables("prefilingDecision", "RETURNED", "reviewComment", "请补充风险防控措施"));

    assertThat(instance).isWaitingAt("supplementPrefiling").task().hasCandidateGroup("unit-commerce");
    complete(task(instance), withVariables("riskAssessment", "已补充：设专人跟踪补件，逾期即停办。"));

    assertThat(instance).isWaitingAt("reviewPrefiling");
    complete(task(instance), withVariables("prefilingDecision", "REGISTERED"));
    execute(job(instance));
    complete(task(instance));

    assertThat(instance).isEnded().hasPassed("supplementPrefiling", "prefilingRegistered");
    assertThat(registry.find(prefilingNo(instance)).orElseThrow().riskAssessment())
        .isEqualTo("已补充：设专人跟踪补件，逾期即停办。");
  }

  @Test
  void planFiledWithTheDispatchedGroupIsReviewedThere() {
    ProcessInstance instance = fileAsCommerceClerk(Plans.with("filingAuthority", "dispatched-discipline-group"));

    assertThat(instance).task().hasCandidateGroup("dispatched-discipline-group");
  }

  @Test
  void eachUnitFilesWithTheDispatchedGroupThatSupervisesIt() {
    Map<String, Object> plan = Plans.with("filingAuthority", "dispatched-discipline-group");

    // 市交通运输局 is supervised by the 派驻第五纪检监察组 (tolerance.dispatched-groups), a 藤县 unit by 藤县's 派驻组
    assertThat(file("transport-clerk", "unit-transport", plan)).task()
        .hasCandidateGroup("dispatched-discipline-group-5");
    assertThat(file("tengxian-clerk", "unit-tengxian-agri", plan)).task()
        .hasCandidateGroup("tengxian-dispatched-discipline-group");
  }

  @Test
  void returnWithoutCommentIsRefusedAndTheTaskStays() {
    ProcessInstance instance = fileAsCommerceClerk(Plans.valid());
    String taskId = task(instance).getId();

    assertRefusedNaming("reviewComment", () -> complete(task(instance), withVariables("prefilingDecision", "RETURNED")));

    assertThat(instance).isWaitingAt("reviewPrefiling");
    assertThat(task(instance).getId()).isEqualTo(taskId);
  }

  @Test
  void supplementWithAnInvalidDateIsRefused() {
    ProcessInstance instance = fileAsCommerceClerk(Plans.valid());
    complete(task(instance), withVariables("prefilingDecision", "RETURNED", "reviewComment", "日期有误"));

    assertRefusedNaming("plannedStart", () -> complete(task(instance), withVariables("plannedStart", "2026/12/01")));
    assertThat(instance).isWaitingAt("supplementPrefiling");
  }

  @Test
  void retriedRegistrationKeepsItsNumberAndWritesOneRecord() {
    ProcessInstance instance = fileAsCommerceClerk(Plans.valid());
    complete(task(instance), withVariables("prefilingDecision", "REGISTERED"));
    execute(job(instance));
    String number = prefilingNo(instance);

    var record = registry.find(number).orElseThrow();
    String again = registry.register(record);

    assertThat(again).isEqualTo(number);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prefiling WHERE process_instance_id = ?",
        Integer.class, instance.getId())).isEqualTo(1);
  }

  @Test
  void failedRegistrationGivesItsNumberBackAndBecomesAnIncident() {
    ProcessInstance good = fileAsCommerceClerk(Plans.valid());
    complete(task(good), withVariables("prefilingDecision", "REGISTERED"));
    execute(job(good));
    int before = sequence(prefilingNo(good));

    ProcessInstance failing = fileAsCommerceClerk(Plans.valid());
    complete(task(failing), withVariables("prefilingDecision", "REGISTERED"));
    runtimeService.setVariable(failing.getId(), "unitName", "名".repeat(201)); // longer than the registry column
    Job job = job(failing);
    while (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(failing.getId()).count()).isEqualTo(1);
    assertThat(failing).isWaitingAt("registerPrefiling");

    runtimeService.setVariable(failing.getId(), "unitName", "市商务局");
    managementService.setJobRetries(job.getId(), 1);
    execute(job(failing));

    assertThat(failing).isWaitingAt("receivePrefilingReceipt");
    assertThat(sequence(prefilingNo(failing))).isEqualTo(before + 1);
  }

  @Test
  void registrationsCommittingAtOnceGetConsecutiveNumbers() throws Exception {
    int count = 6;
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ProcessInstance instance = fileAsCommerceClerk(Plans.valid());
      complete(task(instance), withVariables("prefilingDecision", "REGISTERED"));
      instances.add(instance);
    }
    identityService.clearAuthentication();
    CyclicBarrier start = new CyclicBarrier(count);
    List<CompletableFuture<Void>> runs = instances.stream()
        .map(instance -> job(instance).getId())
        .map(jobId -> CompletableFuture.runAsync(() -> {
          await(start);
          managementService.executeJob(jobId);
        }))
        .toList();
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();

    List<Integer> numbers = instances.stream().map(i -> sequence(prefilingNo(i))).sorted().toList();
    int first = numbers.get(0);
    assertThat(numbers).containsExactlyElementsOf(
        IntStream.range(first, first + count).boxed().toList());
  }

  @Test
  void aPlanAlreadyUnderWayCannotBeFiled() {
    long instances = runtimeService.createProcessInstanceQuery().count();
    String yesterday = today.date().minusDays(1).toString();

    var refusal = assertRefusedNaming("plannedStart", () -> fileAsCommerceClerk(Plans.with("plannedStart", yesterday)));

    assertThat(refusal.getMessage()).startsWith("计划实施日期").contains("事前");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    fileAsCommerceClerk(Plans.with("plannedStart", today.date().toString())); // starting today is still 事前
  }

  @Test
  void aPlanThatStartedWhileUnderReviewCannotBeRegisteredOnlyReturned() {
    LocalDate start = today.date().plusDays(3);
    ProcessInstance instance = fileAsCommerceClerk(Plans.with("plannedStart", start.toString()));
    try {
      ClockUtil.setCurrentTime(Date.from(start.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));

      var refusal = assertRefusedNaming("prefilingDecision",
          () -> complete(task(instance), withVariables("prefilingDecision", "REGISTERED")));

      assertThat(refusal.getMessage()).contains("予以备案", "计划实施日期");
      assertThat(instance).isWaitingAt("reviewPrefiling");
      complete(task(instance), withVariables("prefilingDecision", "RETURNED", "reviewComment", "方案已实施，不属于事前备案"));
      assertRefusedNaming("plannedStart", () -> complete(task(instance), withVariables("riskAssessment", "补充")));
      assertThat(instance).isWaitingAt("supplementPrefiling");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void startWithoutTitleIsRefusedAndLeavesNothing() {
    long instances = runtimeService.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> fileAsCommerceClerk(Plans.without("planTitle")))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(e -> assertThat(((InvalidFieldException) e).getField()).isEqualTo("planTitle"));

    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  private ProcessInstance fileAsCommerceClerk(Map<String, Object> plan) {
    return file("commerce-clerk", "unit-commerce", plan);
  }

  private ProcessInstance file(String clerk, String unitGroup, Map<String, Object> plan) {
    identityService.setAuthentication(clerk, List.of(unitGroup));
    try {
      return runtimeService.startProcessInstanceByKey("prefiling", plan);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String prefilingNo(ProcessInstance instance) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("prefilingNo").singleResult().getValue();
  }

  private static int sequence(String prefilingNo) {
    return Integer.parseInt(prefilingNo.substring(prefilingNo.lastIndexOf('-') + 1));
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
