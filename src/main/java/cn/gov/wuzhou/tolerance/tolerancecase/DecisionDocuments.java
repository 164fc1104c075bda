package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.document.OfficialDocumentPdf.chineseDate;

import cn.gov.wuzhou.tolerance.common.Circumstance;
import cn.gov.wuzhou.tolerance.common.Coded;
import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import cn.gov.wuzhou.tolerance.document.OfficialDocument;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Findings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of a decision's 文书, from the decision as the registry recorded it: the 容错纠错认定意见书 served on the
 * unit, and the 结果运用通知书 to a body that handles protected matters.
 */
final class DecisionDocuments {

  private DecisionDocuments() {}

  static final String DECISION_TITLE = "容错纠错认定意见书";
  static final String NOTICE_TITLE = "容错纠错结果运用通知书";

  /** The 认定意见书: who, what was established and found, the rule and its version, the determination and why. */
  static OfficialDocument decision(DecisionRecord d, String caseNo, String errorDescription, String decidingBody) {
    List<String> body = new ArrayList<>();
    body.add("你单位报告的" + official(d) + "容错纠错事项（事项编号：" + caseNo + "），经核查认定，现将认定意见告知如下。");
    body.add(OfficialDocument.heading("一、基本情况"));
    body.add("当事人：" + d.officialName() + "，人员编号 " + d.officialId() + "，" + d.officialPosition() + "，"
        + label(OfficialCategory.class, d.officialCategory()) + "。工作类别：" + label(WorkCategory.class, d.workCategory())
        + "（" + label(Circumstance.class, d.circumstance()) + "）。错情类型：" + label(ErrorType.class, d.errorType()) + "。");
    body.add(OfficialDocument.heading("二、核查认定的事实"));
    body.add(errorDescription == null || errorDescription.isBlank() ? "（报告未载明错情经过）" : errorDescription.strip());
    List<String> facts = new ArrayList<>();
    facts.add("错情发现日期为" + date(d.discoveredOn()));
    facts.add("单位报告日期为" + date(d.reportedOn()));
    if (d.reportReceivedOn() != null) {
      facts.add("纪委监委收到报告日期为" + date(d.reportReceivedOn()));
    }
    facts.add(d.reportedTimely() ? "属于第一时间报告" : "未在规定期限内报告");
    facts.add(d.correctedTimely() ? "已在整改期限内完成整改"
        + (d.correctionVerifiedOn() == null ? "" : "（整改完成日期经核实为" + date(d.correctionVerifiedOn()) + "）")
        : "未在整改期限内完成整改");
    facts.add(d.prefilingNo() == null || d.prefilingNo().isBlank() ? "无事前备案"
        : "事前备案编号 " + d.prefilingNo() + (d.prefiled() ? "，认定为事前备案" : "，未作为事前备案认定"));
    body.add(String.join("；", facts) + "。");
    if (d.reclassification() != null && !d.reclassification().isBlank()) {
      body.add("问责承办机关" + stripEnd(d.reclassification()) + "。");
    }
    body.add(OfficialDocument.heading("三、核查认定情况"));
    body.add(findings(d.findings(), d.complexMatter()));
    body.add(OfficialDocument.heading("四、适用规则"));
    body.add("依照容错认定规则" + (d.rules().definitionId() == null ? "" : "（" + d.rules().definitionId().split(":")[0]
        + (d.rules().version() == null ? "" : "，第 " + d.rules().version() + " 版") + "）") + "，规则建议"
        + Determination.valueOf(d.recommendation()).label() + "：" + stripEnd(d.recommendationBasis()) + "。");
    body.add(OfficialDocument.heading("五、认定意见"));
    body.add("认定" + d.officialName() + "同志本次错情" + Determination.valueOf(d.determination()).label() + "。认定依据：" + d.basis());
    body.add(switch (Determination.valueOf(d.determination())) {
      case TOLERATE -> "对" + d.officialName() + "同志在党风廉政考核、年度考核、评先评优、选拔任用、职级职称晋升等方面不受影响，"
          + "有关部门另行收到结果运用通知书。";
      case MITIGATE -> "由问责承办机关依规依纪依法予以减轻处理。";
      case NOT_TOLERATE -> "由问责承办机关移交一般问责程序办理。";
      case NOT_APPLICABLE -> "本事项不属于容错纠错适用范围。";
    });
    body.add("请你单位签收本意见书，并及时向当事人送达，记录当事人签收情况。");
    return new OfficialDocument(decidingBody, d.decisionNo(), DECISION_TITLE, d.unitName(), body, decidingBody,
        d.decidedOn());
  }

  /** The 结果运用通知书 to one body: the matters in which it is to leave the tolerated official unaffected. */
  static OfficialDocument notice(DecisionRecord d, String caseNo, String bodyName, String matters, String decidingBody,
      LocalDate issuedOn) {
    List<String> body = new ArrayList<>();
    body.add(d.unitName() + official(d) + "容错纠错事项（事项编号：" + caseNo + "），经" + decidingBody + "于"
        + chineseDate(d.decidedOn()) + "认定为" + Determination.valueOf(d.determination()).label() + "（认定意见书编号 "
        + d.decisionNo() + "）。");
    body.add("根据容错纠错结果运用的规定，请你单位在以下事项中对" + d.officialName() + "同志（人员编号 " + d.officialId()
        + "）不因本次错情受到影响：");
    body.add(matters + "。");
    body.add("请在系统中签收本通知并落实。");
    return new OfficialDocument(decidingBody, d.decisionNo() + "-通知", NOTICE_TITLE, bodyName, body, decidingBody,
        issuedOn);
  }

  private static String official(DecisionRecord d) {
    return d.officialPosition() + d.officialName() + "同志";
  }

  private static String findings(Findings f, boolean complex) {
    List<String> parts = new ArrayList<>();
    finding(parts, f.actedInPublicInterest(), "出于公心、担当尽责", "未认定出于公心、担当尽责");
    finding(parts, f.followedDecisionProcedure(), "符合决策程序", "不符合决策程序");
    finding(parts, f.violatedDisciplineOrLaw(), "违反纪律或法律", "未违反纪律或法律");
    finding(parts, f.subjectiveIntent(), "存在主观故意", "无主观故意");
    finding(parts, f.personalGain(), "谋取私利", "未谋取私利");
    finding(parts, f.nonCoreDocumentsOnly(), "只涉及非核心要件", "涉及核心要件");
    String text = parts.isEmpty() ? "（本事项登记时未记录逐项审查认定）" : "经核查认定：" + String.join("，", parts);
    return text + (complex ? "；本事项属于复杂事项，经一事一议后由党委决定。" : "。");
  }

  private static void finding(List<String> parts, Boolean value, String found, String notFound) {
    if (value != null) {
      parts.add(value ? found : notFound);
    }
  }

  private static String date(LocalDate date) {
    return date == null ? "（未记录）" : chineseDate(date);
  }

  private static String stripEnd(String text) {
    return text == null ? "" : text.replaceAll("[。；;.\\s]+$", "");
  }

  private static <E extends Enum<E> & Coded> String label(Class<E> codes, String code) {
    return Arrays.stream(codes.getEnumConstants()).filter(c -> c.name().equals(code)).map(Coded::label).findFirst()
        .orElse(code == null ? "" : code);
  }
}
