package cn.gov.wuzhou.tolerance.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One step of the 送达 of a decision: {@code RECEIPT}, the unit signed for the 认定意见书; {@code OFFICIAL}, the unit
 * recorded that the official signed ({@code SIGNED}) or refused to sign ({@code REFUSED}, with a note) on a date.
 */
public record DecisionService(String decisionNo, String step, String documentId, String outcome, LocalDate on,
    String note, String recordedBy, OffsetDateTime recordedAt) {

  public static final String RECEIPT = "RECEIPT";
  public static final String OFFICIAL = "OFFICIAL";
  public static final String SIGNED = "SIGNED";
  public static final String REFUSED = "REFUSED";
}
