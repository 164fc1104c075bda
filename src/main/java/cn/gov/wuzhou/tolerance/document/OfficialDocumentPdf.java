package cn.gov.wuzhou.tolerance.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.springframework.stereotype.Component;

/**
 * Prints an {@link OfficialDocument} as an A4 PDF in the layout of GB/T 9704-2012: type area 156 × 225 mm, 37 mm from
 * the top and 28 mm from the left; the issuer's mark in red over a red rule; title in 二号 (22 pt), body in 三号
 * (16 pt) with 22 lines a page; page numbers 四号 "— 1 —" below the type area.
 *
 * <p>The Chinese text is embedded (subset) from the font the application ships, {@code fonts/} (Noto Serif SC, SIL
 * Open Font License, cut to GB 2312 and the punctuation of official documents), so the text is selectable and
 * prints the same everywhere. A character outside the font is printed as 〓, as typesetters mark a missing glyph.
 * The same document always gives the same bytes: no clock, no random id enters the file.
 */
@Component
public class OfficialDocumentPdf {

  static final String FONT = "fonts/NotoSerifSC-Regular-GB2312.ttf";
  private static final float MM = 72f / 25.4f;
  private static final float LEFT = 28 * MM;
  private static final float WIDTH = 156 * MM;
  private static final float TOP = PDRectangle.A4.getHeight() - 37 * MM;
  private static final float BOTTOM = TOP - 225 * MM;
  private static final float BODY_SIZE = 16;
  private static final float TITLE_SIZE = 22;
  private static final float LINE = 225 * MM / 22;
  private static final Color RED = new Color(0xE6, 0x00, 0x12);
  private static final char MISSING = '〓';
  // a run of Latin letters and digits (with the joiners of numbers and dates), or any one other character
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:_/-]*|.", Pattern.DOTALL);

  // parsed once (a few hundred milliseconds); PDFBox reads its glyphs unsynchronized, so one document at a time
  private final TrueTypeFont ttf;

  public OfficialDocumentPdf() {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("the font " + FONT + " is missing from the application");
      }
      this.ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized byte[] render(OfficialDocument document) {
    try (PDDocument pdf = new PDDocument()) {
      PDType0Font type0 = PDType0Font.load(pdf, ttf, true);
      information(pdf, document);
      new Printer(pdf, type0, ttf).print(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void information(PDDocument pdf, OfficialDocument document) {
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(document.title());
    info.setAuthor(document.signedBy());
    info.setSubject(document.number());
    info.setCreator("容错纠错");
    info.setProducer("容错纠错");
    Calendar day = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.ofHours(8)));
    day.clear();
    day.set(document.date().getYear(), document.date().getMonthValue() - 1, document.date().getDayOfMonth());
    info.setCreationDate(day);
    info.setModificationDate(day);
  }

  /** Chinese date of a 成文日期: 2026年12月6日. */
  public static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** Writes the parts page by page, breaking lines by the width of the characters. */
  private static final class Printer {

    private final PDDocument pdf;
    private final PDType0Font font;
    private final TrueTypeFont ttf;
    private PDPageContentStream page;
    private int pages;
    private float y;

    Printer(PDDocument pdf, PDType0Font font, TrueTypeFont ttf) {
      this.pdf = pdf;
      this.font = font;
      this.ttf = ttf;
    }

    void print(OfficialDocument document) throws IOException {
      newPage();
      // 版头: the issuer's mark, the number, the red rule
      y = TOP - 22 * MM;
      centered(document.issuerMark(), 30, RED, true);
      y -= 2 * LINE;
      centered(document.number(), BODY_SIZE, Color.BLACK, false);
      y -= 4 * MM + 2;
      page.setStrokingColor(RED);
      page.setLineWidth(1.5f);
      page.moveTo(LEFT, y);
      page.lineTo(LEFT + WIDTH, y);
      page.stroke();
      y -= 2 * LINE;
      for (String line : lines(document.title(), TITLE_SIZE, 0)) {
        centered(line, TITLE_SIZE, Color.BLACK, true);
        y -= TITLE_SIZE * 1.6f;
      }
      y -= LINE / 2;
      paragraph(document.addressee() + "：", 0, false);
      for (String paragraph : document.paragraphs()) {
        boolean heading = paragraph.startsWith(OfficialDocument.HEADING);
        paragraph(heading ? paragraph.substring(1) : paragraph, 2, heading);
      }
      // 落款 and 成文日期, right aligned with four characters to spare, two lines below the body
      y -= LINE;
      String date = chineseDate(document.date());
      float dateRight = LEFT + WIDTH - 4 * BODY_SIZE;
      float dateWidth = width(date, BODY_SIZE);
      float signedWidth = width(document.signedBy(), BODY_SIZE);
      ensureRoom(2);
      text(document.signedBy(), dateRight - dateWidth / 2 - signedWidth / 2, y, BODY_SIZE, Color.BLACK, false);
      y -= LINE;
      text(date, dateRight - dateWidth, y, BODY_SIZE, Color.BLACK, false);
      page.close();
    }

    private void paragraph(String text, int indent, boolean bold) throws IOException {
      for (String line : lines(text, BODY_SIZE, indent)) {
        ensureRoom(1);
        text(line, LEFT, y, BODY_SIZE, Color.BLACK, bold);
        y -= LINE;
      }
    }

    private void ensureRoom(int lines) throws IOException {
      if (y - (lines - 1) * LINE < BOTTOM) {
        page.close();
        newPage();
        y = TOP - BODY_SIZE;
      }
    }

    private void newPage() throws IOException {
      PDPage next = new PDPage(PDRectangle.A4);
      pdf.addPage(next);
      page = new PDPageContentStream(pdf, next);
      pages++;
      String number = "— " + pages + " —";
      float size = 14;
      float x = pages % 2 == 1 ? LEFT + WIDTH - MM - width(number, size) : LEFT + MM;
      text(number, x, BOTTOM - 7 * MM - size, size, Color.BLACK, false);
    }

    private void centered(String text, float size, Color color, boolean bold) throws IOException {
      text(text, LEFT + (WIDTH - width(text, size)) / 2, y, size, color, bold);
    }

    private void text(String text, float x, float atY, float size, Color color, boolean bold) throws IOException {
      page.beginText();
      page.setFont(font, size);
      page.setNonStrokingColor(color);
      // the one weight shipped; headings and marks are made heavier by stroking their outline
      if (bold) {
        page.setRenderingMode(RenderingMode.FILL_STROKE);
        page.setStrokingColor(color);
        page.setLineWidth(size / 40);
      } else {
        page.setRenderingMode(RenderingMode.FILL);
      }
      page.newLineAtOffset(x, atY);
      page.showText(printable(text));
      page.endText();
    }

    /**
     * The text broken into lines of the type area's width, the first indented by {@code indent} characters. A number
     * or a Latin word (a document number, a date's digits) is kept on one line; closing punctuation never begins one.
     */
    private List<String> lines(String text, float size, int indent) throws IOException {
      List<String> lines = new ArrayList<>();
      for (String part : printable(text).split("\n", -1)) {
        StringBuilder line = new StringBuilder("\u3000".repeat(indent));
        float used = width(line.toString(), size);
        Matcher token = TOKEN.matcher(part);
        while (token.find()) {
          String word = token.group();
          float w = width(word, size);
          boolean closing = word.length() == 1 && "，。、；：！？）》」』”’".contains(word);
          if (used + w > WIDTH && used > 0 && !(closing && used + w <= WIDTH + size)) {
            lines.add(line.toString());
            line.setLength(0);
            used = 0;
          }
          line.append(word);
          used += w;
        }
        lines.add(line.toString());
      }
      return lines;
    }

    private float width(String text, float size) throws IOException {
      return font.getStringWidth(printable(text)) / 1000 * size;
    }

    // what the font cannot print, and control characters, are replaced before measuring and printing
    private String printable(String text) throws IOException {
      StringBuilder out = new StringBuilder();
      for (int codePoint : (text == null ? "" : text.replace("\r\n", "\n")).codePoints().toArray()) {
        if (codePoint == '\n') {
          out.append('\n');
        } else if (codePoint == '\t') {
          out.append(' ');
        } else if (Character.isISOControl(codePoint)) {
          continue;
        } else {
          out.appendCodePoint(ttf.getUnicodeCmapLookup().getGlyphId(codePoint) > 0 ? codePoint : MISSING);
        }
      }
      return out.toString();
    }
  }
}
