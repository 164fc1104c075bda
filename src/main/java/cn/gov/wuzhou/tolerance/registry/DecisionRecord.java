package cn.gov.wuzhou.tolerance.registry;

import java.time.LocalDate;

/**
 * A determination (容错纠错认定决定) as the registry keeps it, with the facts the rules decided on. Decisions
 * recorded before the findings were kept have {@code null} findings and dates.
 */
public record DecisionRecord(
    String decisionNo,
    String processInstanceId,
    String unitGroup,
    String unitName,
    String officialId,
    String officialName,
    String officialPosition,
    String officialCategory,
    String workCategory,
    String circumstance,
    String errorType,
    LocalDate discoveredOn,
    LocalDate reportedOn,
    String prefilingNo,
    boolean prefiled,
    boolean reportedTimely,
    boolean correctedTimely,
    boolean complexMatter,
    String recommendation,
    String recommendationBasis,
    String determination,
    String basis,
    LocalDate decidedOn,
    Findings findings,
    LocalDate reportReceivedOn,
    LocalDate correctionVerifiedOn,
    String reclassification,
    Rules rules) {

  /** The version of the determination rules that made the recommendation; {@code null} for decisions recorded before. */
  public record Rules(String definitionId, Integer version) {}

  /** The accountability office's findings (M2, M3); {@code nonCoreDocumentsOnly} only for procedural deviations. */
  public record Findings(Boolean actedInPublicInterest, Boolean followedDecisionProcedure,
      Boolean violatedDisciplineOrLaw, Boolean subjectiveIntent, Boolean personalGain, Boolean nonCoreDocumentsOnly) {}
}
