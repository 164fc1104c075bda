package cn.gov.wuzhou.tolerance.registry;

import java.time.LocalDate;

/** A determination (容错纠错认定决定) as the registry keeps it. */
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
    LocalDate decidedOn) {}
