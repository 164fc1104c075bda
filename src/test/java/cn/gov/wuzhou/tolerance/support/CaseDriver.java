package cn.gov.wuzhou.tolerance.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.common.Today;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/** Works tolerance cases through the Java API in process tests, the job executor being off. */
public final class CaseDriver {

  private final ProcessEngine engine;
  private final Today today;

  public CaseDriver(ProcessEngine engine, Today today) {
    this.engine = engine;
    this.today = today;
  }

  public Map<String, Object> validReport() {
    return validReport(today.date());
  }

  /** An official of a party organ who erred in rural revitalization two days ago, reported today. */
  public static Map<String, Object> validReport(LocalDate now) {
    Map<String, Object> report = new HashMap<>();
    report.put("officialName", "李明");
    report.put("officialId", "WZ-" + System.nanoTime());
    report.put("officialPosition", "外资科科长");
    report.put("officialCategory", "PARTY_GOV_ORGAN");
    report.put("workCategory", "RURAL_REVITALIZATION");
    report.put("errorType", "DEVIATION");
    report.put("errorDescription", "产业帮扶项目选址论证不足，导致项目延期两个月。");
    report.put("discoveredOn", now.minusDays(2).toString());
    report.put("reportedOn", now.toString());
    return report;
  }

  public Map<String, Object> reportWith(Object... namesAndValues) {
    Map<String, Object> report = validReport();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      report.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return report;
  }

  /** The accountability office's findings on a clean, simple case, as radio buttons submit them. */
  public static Map<String, Object> cleanFindings() {
    Map<String, Object> findings = new HashMap<>();
    findings.put("actedInPublicInterest", "true");
    findings.put("followedDecisionProcedure", "true");
    findings.put("violatedDisciplineOrLaw", "false");
    findings.put("subjectiveIntent", "false");
    findings.put("personalGain", "false");
    findings.put("complexCircumstances", "false");
    findings.put("wideImpact", "false");
    findings.put("highPublicAttention", "false");
    findings.put("reviewOpinion", "经审查，决策程序完备，无违纪违法情形，已及时整改。");
    return findings;
  }

  public static Map<String, Object> findingsWith(String name, Object value) {
    Map<String, Object> findings = cleanFindings();
    findings.put(name, value);
    return findings;
  }

  /** Files the report as the commerce clerk, then runs the checks up to the first tasks. */
  public ProcessInstance report(Map<String, Object> report) {
    return report(report, "commerce-clerk", "unit-commerce");
  }

  /** Files the report as the clerk of the unit, then runs the checks up to the first tasks. */
  public ProcessInstance report(Map<String, Object> report, String clerk, String unitGroup) {
    engine.getIdentityService().setAuthentication(clerk, List.of(unitGroup));
    ProcessInstance instance;
    try {
      instance = engine.getRuntimeService().startProcessInstanceByKey("toleranceCase", report);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    runJobs(instance);
    return instance;
  }

  /** Runs the async continuations that are due, as the job executor would; timers stay. */
  public void runJobs(ProcessInstance instance) {
    List<Job> ready;
    while (!(ready = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .executable().messages().list()).isEmpty()) {
      ready.forEach(BpmnAwareTests::execute);
    }
  }

  public void acknowledgeReport(ProcessInstance instance) {
    complete(task("acknowledgeBySuperiorCommittee", instance), withVariables("superiorAcknowledged", true));
    complete(task("acknowledgeByDisciplineInspection", instance), withVariables("disciplineAcknowledged", true));
  }

  public void correct(ProcessInstance instance, LocalDate completedOn) {
    complete(task("submitCorrectionPlan", instance), withVariables("correctionPlan", "重新论证选址，调整建设时序"));
    complete(task("reportCorrectionCompleted", instance),
        withVariables("correctionCompletedOn", completedOn.toString(), "correctionReport", "已完成选址调整，项目复工"));
    complete(task("verifyCorrection", instance), withVariables("correctionVerified", "true"));
  }

  /**
   * The 送达 of the decided case's 认定意见书: the commerce clerk signs for it and records that the official signed
   * today, so that only the outcome's own steps remain.
   */
  public void serveDecision(ProcessInstance instance) {
    engine.getIdentityService().setAuthentication("commerce-clerk", List.of("unit-commerce"));
    try {
      complete(task("signForDecision", instance), withVariables("decisionReceived", true));
      complete(task("recordOfficialSignature", instance),
          withVariables("officialSignature", "SIGNED", "officialSignedOn", today.date().toString()));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** A clean key-work case, acknowledged and corrected in time, now waiting for the office's review. */
  public ProcessInstance readyForReview() {
    ProcessInstance instance = report(validReport());
    acknowledgeReport(instance);
    correct(instance, today.date());
    return instance;
  }

  /** A clean case of the unit's, acknowledged and corrected in time, now waiting for the office's review. */
  public ProcessInstance readyForReview(Map<String, Object> report, String clerk, String unitGroup) {
    ProcessInstance instance = report(report, clerk, unitGroup);
    acknowledgeReport(instance);
    correct(instance, today.date());
    return instance;
  }

  /** A clean case the office found to have a wide impact: it goes to the 一事一议 deliberation. */
  public ProcessInstance reviewedAsComplex() {
    return reviewedAsComplex("commerce-clerk", "unit-commerce");
  }

  /** A clean case of the unit's that the office found to have a wide impact. */
  public ProcessInstance reviewedAsComplex(String clerk, String unitGroup) {
    ProcessInstance instance = readyForReview(validReport(), clerk, unitGroup);
    complete(task(instance), findingsWith("wideImpact", "true"));
    return instance;
  }
}
