package cn.gov.wuzhou.tolerance.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the clerks of each agency do with one {@code toleranceCase}, and what they type into each
 * form (the fields a Camunda Form submits: the editable ones; read-only fields are not sent).
 * The mix is 70 % tolerated, 20 % not tolerated, 10 % complex (一事一议, decided MITIGATE by 市委).
 */
public final class CaseScripts {

  public enum Type { TOLERATED, NOT_TOLERATED, COMPLEX }

  /** Who works a step: a demo user of the group whose 本机构待办 shows the task. */
  public record Clerk(String user, String group) {}

  /** One user task: its key, who works it, the form's values; {@code deliberation}: in the called 一事一议. */
  public record Step(String taskKey, Clerk clerk, Map<String, Object> form, boolean deliberation) {}

  static final Clerk UNIT = new Clerk("commerce-clerk", "unit-commerce");
  static final Clerk SUPERIOR = new Clerk("party-secretary", "superior-party-committee");
  static final Clerk DISCIPLINE = new Clerk("jiwei", "discipline-inspection");
  static final Clerk OFFICE = new Clerk("wenze", "accountability-office");
  static final Clerk ORGANIZATION = new Clerk("zuzhi", "organization-dept");
  static final Clerk HR = new Clerk("renshe", "hr-social-security");
  static final Clerk STAFFING = new Clerk("bianban", "staffing-office");
  static final Clerk JUSTICE = new Clerk("sifa", "justice-bureau");
  static final Clerk COMMITTEE = new Clerk("shiwei", "municipal-party-committee");

  static final List<Clerk> CLERKS =
      List.of(UNIT, SUPERIOR, DISCIPLINE, OFFICE, ORGANIZATION, HR, STAFFING, JUSTICE, COMMITTEE);

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private CaseScripts() {}

  /** Case i of a run: 7 of every 10 tolerated, 2 not tolerated, 1 complex, interleaved. */
  static Type typeOf(int i) {
    int slot = Math.floorMod(i * 7, 10); // 0,7,4,1,8,5,2,9,6,3: spreads the rare kinds over the run
    return slot < 7 ? Type.TOLERATED : slot < 9 ? Type.NOT_TOLERATED : Type.COMPLEX;
  }

  /** The 报告错情 start form as the unit's clerk fills it. */
  public static Map<String, Object> report(String runId, int i) {
    LocalDate today = LocalDate.now(ZONE);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("officialName", "李明" + (i % 100));
    form.put("officialId", "WZ-" + runId + "-" + i);
    form.put("officialPosition", "外资科科长");
    form.put("officialCategory", "PARTY_GOV_ORGAN");
    form.put("workCategory", "RURAL_REVITALIZATION");
    form.put("errorType", "DEVIATION");
    form.put("errorDescription", "产业帮扶项目选址论证不足，导致项目延期两个月。（压测案件 " + i + "）");
    form.put("discoveredOn", today.minusDays(2).toString());
    form.put("reportedOn", today.toString());
    form.put("prefilingNo", "");
    return form;
  }

  public static List<Step> steps(Type type) {
    LocalDate today = LocalDate.now(ZONE);
    List<Step> steps = new ArrayList<>();
    steps.add(step("acknowledgeBySuperiorCommittee", SUPERIOR,
        "superiorAcknowledged", true, "superiorInstruction", "请即知即改，按期报告整改情况。"));
    steps.add(step("acknowledgeByDisciplineInspection", DISCIPLINE,
        "disciplineAcknowledged", true, "disciplineInstruction", "已接收，跟踪整改。"));
    steps.add(step("submitCorrectionPlan", UNIT, "correctionPlan", "重新论证选址，调整建设时序。"));
    steps.add(step("reportCorrectionCompleted", UNIT,
        "correctionCompletedOn", today.toString(), "correctionReport", "已完成选址调整，项目复工。"));
    steps.add(step("verifyCorrection", DISCIPLINE,
        "correctionVerified", "true", "verificationComment", "经核实，整改到位。"));
    Map<String, Object> findings = new LinkedHashMap<>();
    findings.put("actedInPublicInterest", "true");
    findings.put("followedDecisionProcedure", "true");
    findings.put("violatedDisciplineOrLaw", "false");
    findings.put("subjectiveIntent", type == Type.NOT_TOLERATED ? "true" : "false");
    findings.put("personalGain", "false");
    findings.put("complexCircumstances", "false");
    findings.put("wideImpact", type == Type.COMPLEX ? "true" : "false");
    findings.put("highPublicAttention", "false");
    findings.put("reviewOpinion", "经审查，决策程序完备，已及时整改。");
    steps.add(new Step("reviewCase", OFFICE, findings, false));
    switch (type) {
      case TOLERATED -> {
        steps.add(step("proposeDetermination", OFFICE, "proposedDetermination", "TOLERATE"));
        steps.add(step("approveDetermination", SUPERIOR, "approved", "true", "approvalComment", "同意。"));
        steps.add(step("confirmOfficialRoles", ORGANIZATION));
        steps.add(step("acknowledgeProtection", ORGANIZATION, "protectionAcknowledged", true));
        steps.add(step("acknowledgeProtection", HR, "protectionAcknowledged", true));
        steps.add(step("acknowledgeProtection", DISCIPLINE, "protectionAcknowledged", true));
      }
      case NOT_TOLERATED -> {
        steps.add(step("proposeDetermination", OFFICE, "proposedDetermination", "NOT_TOLERATE"));
        steps.add(step("approveDetermination", SUPERIOR, "approved", "true", "approvalComment", "同意。"));
        steps.add(step("handOverToAccountability", OFFICE, "handoverNote", "存在主观故意，移交一般问责程序。"));
      }
      case COMPLEX -> {
        steps.add(deliberation("conveneDeliberation", OFFICE,
            "deliberationTopic", "项目延期是否予以容错", "meetingDate", today.plusDays(3).toString()));
        for (Clerk agency : List.of(DISCIPLINE, ORGANIZATION, HR, STAFFING, JUSTICE)) {
          steps.add(deliberation("giveOpinion", agency, "opinion", "MITIGATE", "opinionComment", "影响较大，宜从轻。"));
        }
        steps.add(deliberation("consolidateJointOpinion", OFFICE,
            "jointRecommendation", "MITIGATE", "jointOpinion", "各方一致意见从轻处理。"));
        steps.add(deliberation("decideByCommittee", COMMITTEE,
            "committeeDecision", "MITIGATE", "committeeComment", "影响群众增收，从轻处理。"));
        steps.add(step("applyLighterHandling", OFFICE, "handlingMeasures", "诫勉谈话，限期完善制度。"));
      }
    }
    // the 送达 of the 认定意见书, in parallel with the outcome's steps
    steps.add(step("signForDecision", UNIT, "decisionReceived", true));
    steps.add(step("recordOfficialSignature", UNIT, "officialSignature", "SIGNED", "officialSignedOn", today.toString()));
    return steps;
  }

  private static Step step(String key, Clerk clerk, Object... namesAndValues) {
    return new Step(key, clerk, form(namesAndValues), false);
  }

  private static Step deliberation(String key, Clerk clerk, Object... namesAndValues) {
    return new Step(key, clerk, form(namesAndValues), true);
  }

  private static Map<String, Object> form(Object... namesAndValues) {
    Map<String, Object> form = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return form;
  }
}
