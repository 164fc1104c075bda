package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.common.Circumstance;
import cn.gov.wuzhou.tolerance.common.Coded;
import cn.gov.wuzhou.tolerance.common.Department;
import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.common.WorkCategory;
import cn.gov.wuzhou.tolerance.prefiling.InnovationNature;
import cn.gov.wuzhou.tolerance.registry.ConsultationRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Findings;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Rules;
import cn.gov.wuzhou.tolerance.registry.Page;
import cn.gov.wuzhou.tolerance.registry.PrefilingRecord;
import cn.gov.wuzhou.tolerance.registry.ProtectionNotice;
import cn.gov.wuzhou.tolerance.tolerancecase.ErrorType;
import cn.gov.wuzhou.tolerance.tolerancecase.OfficialCategory;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** What the read API returns: registry records with every code paired with its Chinese label. */
final class Views {

  private Views() {}

  record Code(String code, String label) {}

  record PageView<T>(List<T> items, int page, int size, long total) {
    static <R, T> PageView<T> of(Page<R> page, Function<R, T> view) {
      return new PageView<>(page.items().stream().map(view).toList(), page.page(), page.size(), page.total());
    }
  }

  /** A body's note of a protection notice: who ({@code by}, their name) and when; empty until it took note. */
  record Acknowledgement(Code department, String by, String byName, LocalDate on) {}

  record PrefilingView(String prefilingNo, String unitGroup, String unitName, String planTitle, String planSummary,
      Code workCategory, Code innovationNature, String riskAssessment, LocalDate plannedStart, Code filingAuthority,
      LocalDate registeredOn, String registeredBy, String reviewComment, String processInstanceId) {

    static PrefilingView of(PrefilingRecord r) {
      return new PrefilingView(r.prefilingNo(), r.unitGroup(), r.unitName(), r.planTitle(), r.planSummary(),
          code(WorkCategory.class, r.workCategory()), code(InnovationNature.class, r.innovationNature()),
          r.riskAssessment(), r.plannedStart(),
          new Code(r.filingAuthority(), "discipline-inspection".equals(r.filingAuthority()) ? "纪检监察机关（本级纪委监委）" : "派驻纪检监察组"),
          r.registeredOn(), r.registeredBy(), r.reviewComment(), r.processInstanceId());
    }
  }

  record DecisionView(String decisionNo, String processInstanceId, String unitGroup, String unitName,
      String officialId, String officialName, String officialPosition, Code officialCategory, Code workCategory,
      Code circumstance, Code errorType, LocalDate discoveredOn, LocalDate reportedOn, LocalDate reportReceivedOn,
      String prefilingNo, boolean prefiled, boolean reportedTimely, LocalDate correctionVerifiedOn,
      boolean correctedTimely, Findings findings, String reclassification, boolean complexMatter,
      Code recommendation, String recommendationBasis, Rules rules, Code determination, String basis,
      LocalDate decidedOn) {

    static DecisionView of(DecisionRecord r) {
      return new DecisionView(r.decisionNo(), r.processInstanceId(), r.unitGroup(), r.unitName(), r.officialId(),
          r.officialName(), r.officialPosition(), code(OfficialCategory.class, r.officialCategory()),
          code(WorkCategory.class, r.workCategory()), code(Circumstance.class, r.circumstance()),
          code(ErrorType.class, r.errorType()), r.discoveredOn(), r.reportedOn(), r.reportReceivedOn(),
          r.prefilingNo(), r.prefiled(), r.reportedTimely(), r.correctionVerifiedOn(), r.correctedTimely(),
          r.findings(), r.reclassification(), r.complexMatter(), code(Determination.class, r.recommendation()),
          r.recommendationBasis(), r.rules(), code(Determination.class, r.determination()), r.basis(), r.decidedOn());
    }
  }

  record ProtectionView(String decisionNo, Code matter, String officialId, String officialName, LocalDate issuedOn,
      List<Acknowledgement> acknowledgements) {

    static ProtectionView of(ProtectionNotice n, Function<String, String> names) {
      return new ProtectionView(n.decisionNo(), code(ProtectedMatter.class, n.matter()), n.officialId(),
          n.officialName(), n.issuedOn(), n.acknowledgements().stream()
              .map(a -> new Acknowledgement(code(Department.class, a.department()), a.by(), names.apply(a.by()), a.on()))
              .toList());
    }
  }

  record ConsultationView(String consultationNo, Code level, LocalDate heldOn, String brief, String disciplineInput,
      String organizationInput, String resolutions, String followUpItems, String recordedBy, String processInstanceId) {

    static ConsultationView of(ConsultationRecord r) {
      return new ConsultationView(r.consultationNo(), new Code(r.level(), r.levelName()), r.heldOn(), r.brief(),
          r.disciplineInput(), r.organizationInput(), r.resolutions(), r.followUpItems(), r.recordedBy(),
          r.processInstanceId());
    }
  }

  static <E extends Enum<E> & Coded> Code code(Class<E> codes, String value) {
    return value == null ? null : new Code(value, Enum.valueOf(codes, value).label());
  }
}
