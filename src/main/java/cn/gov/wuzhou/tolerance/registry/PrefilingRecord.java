package cn.gov.wuzhou.tolerance.registry;

import java.time.LocalDate;

/** A registered pre-filing (事前备案) as the registry keeps it. */
public record PrefilingRecord(
    String prefilingNo,
    String processInstanceId,
    String unitGroup,
    String unitName,
    String planTitle,
    String planSummary,
    String workCategory,
    String innovationNature,
    String riskAssessment,
    LocalDate plannedStart,
    String filingAuthority,
    LocalDate registeredOn,
    String registeredBy,
    String reviewComment) {}
