package cn.gov.wuzhou.tolerance.document;

import java.time.LocalDate;
import java.util.List;

/**
 * A 文书 as the system issues it, in the parts of GB/T 9704: the issuing body's mark (版头, printed red), the
 * document number (发文字号), the title, the addressee (主送), the body, the signing body (落款) and the date (成文日期).
 * A paragraph that starts with {@link #HEADING} is printed as a heading of the body (一、…).
 */
public record OfficialDocument(String issuerMark, String number, String title, String addressee,
    List<String> paragraphs, String signedBy, LocalDate date) {

  public static final String HEADING = "#";

  public static String heading(String text) {
    return HEADING + text;
  }
}
