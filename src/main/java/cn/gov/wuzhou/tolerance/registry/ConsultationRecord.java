package cn.gov.wuzhou.tolerance.registry;

import java.time.LocalDate;

/** The minutes of one periodic consultation (会商纪要). */
public record ConsultationRecord(
    String consultationNo,
    String processInstanceId,
    String level,
    String levelName,
    LocalDate heldOn,
    String brief,
    String disciplineInput,
    String organizationInput,
    String resolutions,
    String followUpItems,
    String recordedBy) {}
