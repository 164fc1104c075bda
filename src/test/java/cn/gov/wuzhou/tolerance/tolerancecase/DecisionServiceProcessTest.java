package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.support.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.document.CaseDocument;
import cn.gov.wuzhou.tolerance.document.IssuedDocuments;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.registry.DecisionService;
import cn.gov.wuzhou.tolerance.registry.DecisionServiceRegistry;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 文书 and 送达 of {@code toleranceCase}: the 认定意见书 and 结果运用通知书 as PDF, signed for by the unit and the official. */
@ProcessTest
class DecisionServiceProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired DecisionRegistry decisions;
  @Autowired DecisionServiceRegistry service;
  @Autowired IssuedDocuments documents;
  @Autowired IssueDecisionDocuments issueDecisionDocuments;
  @Autowired JdbcTemplate jdbc;
  @Autowired Today today;

  CaseDriver cases;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
    cases = new CaseDriver(engine, today);
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void aToleratedCaseIssuesTheDecisionAndOneNoticePerBodyAsPdfsInChinese() throws IOException {
    ProcessInstance instance = decided(CaseDriver.cleanFindings());

    assertThat(instance).isWaitingAt("signForDecision", "confirmOfficialRoles");
    assertThat(task("signForDecision", instance)).hasCandidateGroup("unit-commerce");
    DecisionRecord decision = decisions.findByProcessInstance(instance.getId()).orElseThrow();
    CaseDocument issued = documents.issued(instance.getId(), "DECISION").orElseThrow();
    assertThat(runtimeService.getVariable(instance.getId(), "decisionDocumentId")).isEqualTo(issued.id());
    assertThat(issued.contentType()).isEqualTo("application/pdf");
    assertThat(issued.fileName()).isEqualTo("容错纠错认定意见书（" + decision.decisionNo() + "）.pdf");
    byte[] pdf = documents.content(issued);
    assertThat(issued.sha256()).isEqualTo(HexFormat.of().formatHex(sha256(pdf)));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      // the text as a reader copies it, lines joined
      String text = new PDFTextStripper().getText(document).replaceAll("\\R", "");
      assertThat(text).contains(decision.decisionNo()).contains("容错纠错认定意见书").contains("市商务局：")
          .contains("李明").contains(decision.officialId()).contains("认定李明同志本次错情容错免责")
          .contains("产业帮扶项目选址论证不足").contains("出于公心、担当尽责").contains("规则建议容错免责")
          .contains("上级党委").contains(today.date().getYear() + "年");
    }
    // the notices follow the roles the organization department confirms
    assertThat(documents.issued(instance.getId(), "NOTICE:organization-dept")).isEmpty();
    complete(task("confirmOfficialRoles", instance));
    execute(job("issueProtectionNotices", instance));
    assertThat(List.of("organization-dept", "hr-social-security", "discipline-inspection")).allSatisfy(group -> {
      CaseDocument notice = documents.issued(instance.getId(), "NOTICE:" + group).orElseThrow();
      try (PDDocument document = Loader.loadPDF(documents.content(notice))) {
        assertThat(new PDFTextStripper().getText(document).replaceAll("\\R", "")).contains("结果运用通知书").contains(decision.decisionNo())
            .contains("李明");
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(documents.issued(instance.getId(), "NOTICE:npc-standing-committee")).isEmpty();
  }

  @Test
  void aRetriedJobIssuesNoSecondDocument() {
    ProcessInstance instance = decided(CaseDriver.findingsWith("personalGain", "true"));
    CaseDocument first = documents.issued(instance.getId(), "DECISION").orElseThrow();

    // the delegate run again on the case, as a retried job would
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
      issueDecisionDocuments.execute(context.getExecutionManager().findExecutionById(instance.getId()));
      return null;
    });

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_document WHERE case_instance_id = ?", Integer.class,
        instance.getId())).isEqualTo(1);
    assertThat(documents.issued(instance.getId(), "DECISION").orElseThrow()).isEqualTo(first);
  }

  @Test
  void theUnitSignsAndRecordsTheOfficialsRefusalWithANoteWhichClosesTheService() {
    ProcessInstance instance = decided(CaseDriver.findingsWith("personalGain", "true"));
    String decisionNo = decisions.findByProcessInstance(instance.getId()).orElseThrow().decisionNo();
    asCommerceClerk();

    assertRefusedNaming("decisionReceived", () -> complete(task("signForDecision", instance), withVariables("decisionReceived", false)));
    assertThat(service.ofDecision(decisionNo)).isEmpty();
    engine.getTaskService().claim(task("signForDecision", instance).getId(), "commerce-clerk");
    complete(task("signForDecision", instance), withVariables("decisionReceived", true));
    assertThat(service.ofDecision(decisionNo)).singleElement().satisfies(receipt -> {
      assertThat(receipt.step()).isEqualTo(DecisionService.RECEIPT);
      assertThat(receipt.recordedBy()).isEqualTo("commerce-clerk");
      assertThat(receipt.on()).isEqualTo(today.date());
      assertThat(receipt.documentId()).isEqualTo(documents.issued(instance.getId(), "DECISION").orElseThrow().id());
    });

    assertThat(task("recordOfficialSignature", instance)).hasCandidateGroup("unit-commerce");
    assertRefusedNaming("signatureNote", () -> complete(task("recordOfficialSignature", instance), withVariables(
        "officialSignature", "REFUSED", "officialSignedOn", today.date().toString())));
    assertRefusedNaming("officialSignedOn", () -> complete(task("recordOfficialSignature", instance), withVariables(
        "officialSignature", "SIGNED", "officialSignedOn", today.date().plusDays(1).toString())));
    assertRefusedNaming("officialSignature", () -> complete(task("recordOfficialSignature", instance), withVariables(
        "officialSignature", "LATER", "officialSignedOn", today.date().toString())));
    assertThat(service.ofDecision(decisionNo)).hasSize(1);
    assertThat(instance).isWaitingAt("recordOfficialSignature");

    complete(task("recordOfficialSignature", instance), withVariables("officialSignature", "REFUSED",
        "officialSignedOn", today.date().toString(), "signatureNote", "当事人拒绝签字，由办公室主任见证留置送达。"));
    assertThat(service.ofDecision(decisionNo)).extracting(DecisionService::step, DecisionService::outcome,
            DecisionService::note)
        .containsExactly(tuple(DecisionService.RECEIPT, null, null),
            tuple(DecisionService.OFFICIAL, DecisionService.REFUSED,
                "当事人拒绝签字，由办公室主任见证留置送达。"));
    assertThat(instance).hasPassed("decisionServed").isWaitingAt("handOverToAccountability");
  }

  @Test
  void theCaseEndsOnlyWhenBothTheOutcomeAndTheServiceAreDone() {
    ProcessInstance instance = decided(CaseDriver.findingsWith("personalGain", "true"));
    complete(task("handOverToAccountability", instance), withVariables("handoverNote", "移交问责"));
    assertThat(instance).hasPassed("caseNotTolerated").isWaitingAt("signForDecision");

    cases.serveDecision(instance);
    assertThat(instance).isEnded().hasPassed("caseNotTolerated", "decisionServed");
  }

  private ProcessInstance decided(Map<String, Object> findings) {
    ProcessInstance instance = cases.readyForReview();
    complete(task(instance), findings);
    complete(task(instance));
    complete(task(instance), withVariables("approved", "true"));
    execute(job(instance));
    return instance;
  }

  private void asCommerceClerk() {
    identityService.setAuthentication("commerce-clerk", List.of("unit-commerce"));
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
