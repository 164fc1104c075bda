package cn.gov.wuzhou.tolerance.registry;

import java.time.LocalDate;
import java.util.List;

/** One protected matter (M6) of a tolerated official, and its acknowledgement by each body that handles it. */
public record ProtectionNotice(
    String decisionNo,
    String matter,
    String officialId,
    String officialName,
    LocalDate issuedOn,
    List<Acknowledgement> acknowledgements) {

  /** A body's note of the notice; {@code by} and {@code on} are empty until it took note. */
  public record Acknowledgement(String department, String by, LocalDate on) {}
}
