package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.common.Circumstance;
import cn.gov.wuzhou.tolerance.common.Coded;
import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import cn.gov.wuzhou.tolerance.prefiling.InnovationNature;
import cn.gov.wuzhou.tolerance.prefiling.PrefilingDecision;
import cn.gov.wuzhou.tolerance.tolerancecase.ErrorType;
import cn.gov.wuzhou.tolerance.tolerancecase.OfficialCategory;
import cn.gov.wuzhou.tolerance.tolerancecase.OfficialRole;
import cn.gov.wuzhou.tolerance.tolerancecase.OfficialSignature;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The variables of a case that a person reads in its case file, with the labels of the forms, in the order of the
 * case: what the unit reported, what the agencies wrote, what was found. Variables not named here are the
 * engine's and the delegates' bookkeeping (groups, deadlines' timers, copies for task cards) and stay out.
 */
final class CaseVocabulary {

  private CaseVocabulary() {}

  private static final Map<String, String> LABELS = new LinkedHashMap<>();
  private static final Map<String, Class<? extends Coded>> CODES = Map.ofEntries(
      Map.entry("officialCategory", OfficialCategory.class),
      Map.entry("workCategory", WorkCategory.class),
      Map.entry("circumstance", Circumstance.class),
      Map.entry("errorType", ErrorType.class),
      Map.entry("recommendation", Determination.class),
      Map.entry("proposedDetermination", Determination.class),
      Map.entry("jointRecommendation", Determination.class),
      Map.entry("committeeDecision", Determination.class),
      Map.entry("opinion", Determination.class),
      Map.entry("determination", Determination.class),
      Map.entry("innovationNature", InnovationNature.class),
      Map.entry("prefilingDecision", PrefilingDecision.class),
      Map.entry("officialRoles", OfficialRole.class),
      Map.entry("officialRolesReported", OfficialRole.class),
      Map.entry("officialSignature", OfficialSignature.class));

  /** The opinions of the case: what an agency wrote as its view, shown together with who wrote it. */
  static final List<String> OPINIONS = List.of("superiorInstruction", "disciplineInstruction", "verificationComment",
      "supervisionNote", "extensionDecisionReason", "reviewOpinion", "deviationReason", "approvalComment", "opinionComment", "jointOpinion",
      "committeeComment", "reviewComment", "handlingMeasures", "handoverNote", "rolesCorrectionReason",
      "signatureNote");

  static {
    label("unitName", "报告单位");
    label("openingBody", "在问责中启动的机关");
    label("planTitle", "方案名称");
    label("officialName", "当事人姓名");
    label("officialId", "人员编号");
    label("officialPosition", "当事人职务");
    label("officialCategory", "人员类别");
    label("officialRoles", "当事人身份");
    label("workCategory", "工作类别");
    label("circumstance", "情形");
    label("errorType", "错情类型");
    label("errorDescription", "错情经过");
    label("innovationNature", "创新性质");
    label("planSummary", "方案内容摘要");
    label("riskAssessment", "风险评估");
    label("plannedStart", "计划实施日期");
    label("filingAuthority", "备案机关");
    label("discoveredOn", "发现日期");
    label("reportedOn", "报告日期");
    label("prefilingNo", "事前备案编号");
    label("prefilingNote", "备案核对结果");
    label("prefiled", "作为事前备案认定");
    label("eligibilityReason", "适用范围审查");
    label("superiorAcknowledged", "上级党委（党组）已接收报告");
    label("superiorInstruction", "上级党委（党组）批示意见");
    label("disciplineAcknowledged", "纪委监委已接收报告");
    label("reportReceivedOn", "纪委监委收到报告日期");
    label("disciplineInstruction", "纪委监委批示意见");
    label("reportedTimely", "第一时间报告");
    label("correctionDeadline", "整改期限");
    label("correctionPlan", "整改方案");
    label("requestedDeadline", "申请延长至");
    label("extensionReason", "申请延期理由");
    label("extensionGranted", "是否同意延期");
    label("grantedDeadline", "同意延长至");
    label("extensionDecisionReason", "延期审批理由");
    label("correctionExtensions", "整改期限延期记录");
    label("correctionCompletedOn", "整改完成日期");
    label("correctionReport", "整改情况");
    label("correctionVerified", "整改是否到位");
    label("verificationComment", "核实意见");
    label("correctionVerifiedOn", "核实的整改完成日期");
    label("correctionNote", "整改未核实的说明");
    label("supervisionNote", "督促意见");
    label("correctedTimely", "及时纠错");
    label("actedInPublicInterest", "出于公心、担当尽责");
    label("followedDecisionProcedure", "符合决策程序");
    label("violatedDisciplineOrLaw", "违反党纪和法律法规");
    label("subjectiveIntent", "存在主观故意");
    label("personalGain", "谋取私利");
    label("nonCoreDocumentsOnly", "只涉及非核心要件");
    label("complexCircumstances", "情况复杂");
    label("wideImpact", "涉及面广");
    label("highPublicAttention", "社会关注度高");
    label("reclassificationReason", "更正理由");
    label("reviewOpinion", "核查认定意见");
    label("recommendation", "规则建议");
    label("recommendationBasis", "建议依据");
    label("proposedDetermination", "拟认定结果");
    label("deviationReason", "不同于规则建议的理由");
    label("approved", "审批结论");
    label("approvalComment", "审批意见");
    label("deliberationTopic", "会商议题");
    label("meetingDate", "会商日期");
    label("opinion", "会商意见");
    label("opinionComment", "意见说明");
    label("jointRecommendation", "一事一议建议");
    label("jointOpinion", "一事一议意见");
    label("committeeDecision", "党委决定");
    label("committeeComment", "决定理由");
    label("determination", "认定结果");
    label("decisionNo", "决定编号");
    label("rolesCorrectionReason", "身份更正理由");
    label("rolesCorrection", "身份更正");
    label("officialRolesReported", "报告单位所填身份");
    label("protectionAcknowledged", "已知悉并落实");
    label("handlingMeasures", "处理措施");
    label("handoverNote", "移交说明");
    label("decisionReceived", "单位已签收认定意见书");
    label("officialSignature", "当事人签收情况");
    label("officialSignedOn", "当事人签收（拒签）日期");
    label("signatureNote", "拒签情况说明");
    label("prefilingDecision", "审核结论");
    label("reviewComment", "审核意见");
    label("registeredOn", "备案日期");
  }

  private static void label(String variable, String label) {
    LABELS.put(variable, label);
  }

  static boolean known(String variable) {
    return LABELS.containsKey(variable);
  }

  static String label(String variable) {
    return LABELS.get(variable);
  }

  /** The position of a variable in the case file's order. */
  static int order(String variable) {
    return List.copyOf(LABELS.keySet()).indexOf(variable);
  }

  /** A value as a person reads it: 是/否 (同意/不同意 for an approval), a code's Chinese name, a date or a text as written. */
  static String text(String variable, Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof Boolean || "true".equals(text) || "false".equals(text)) {
      // an approval is agreed to or not, as the approval form asks it
      if ("approved".equals(variable)) {
        return Boolean.parseBoolean(text) ? "同意" : "不同意";
      }
      return Boolean.parseBoolean(text) ? "是" : "否";
    }
    if ("filingAuthority".equals(variable)) {
      return "discipline-inspection".equals(text) ? "纪检监察机关（本级纪委监委）" : "派驻纪检监察组";
    }
    Class<? extends Coded> codes = CODES.get(variable);
    if (codes == null || text.isBlank()) {
      return text;
    }
    Map<String, String> names = Arrays.stream(codes.getEnumConstants())
        .collect(Collectors.toMap(Coded::name, Coded::label));
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .map(code -> names.getOrDefault(code, code))
        .collect(Collectors.joining("、"));
  }
}
