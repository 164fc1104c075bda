package cn.gov.wuzhou.tolerance.registry;

import java.time.LocalDate;

/** One protected matter (M6) of a tolerated official, and its acknowledgement by the two departments. */
public record ProtectionNotice(
    String decisionNo,
    String matter,
    String officialId,
    String officialName,
    LocalDate issuedOn,
    String organizationAcknowledgedBy,
    LocalDate organizationAcknowledgedOn,
    String hrAcknowledgedBy,
    LocalDate hrAcknowledgedOn) {}
