package cn.gov.wuzhou.tolerance.document;

import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files as clerks attach them, and files that must be refused, built in memory. */
final class Samples {

  private Samples() {}

  /** A PDF of the given size: the header, bytes of every value, the end marker. */
  static byte[] pdf(int size) {
    byte[] content = new byte[size];
    new Random(size).nextBytes(content);
    byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    byte[] end = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, content, 0, header.length);
    System.arraycopy(end, 0, content, size - end.length, end.length);
    return content;
  }

  static FilePart pdf(String name) {
    return new FilePart(name, "application/pdf", pdf(4096));
  }

  static byte[] png() {
    return withHeader(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 300);
  }

  static byte[] jpeg() {
    return withHeader(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 300);
  }

  /** A compound file (Word 97, WPS, Excel 97) holding a stream of this name. */
  static byte[] compound(String streamName) {
    byte[] content = withHeader(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
        0x1A, (byte) 0xE1}, 2048);
    byte[] name = streamName.getBytes(StandardCharsets.UTF_16LE);
    System.arraycopy(name, 0, content, 1024, name.length);
    return content;
  }

  /** A zip with these entries (an Office Open XML document when they are its parts). */
  static byte[] zip(String... entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static final long SAMPLE_TIME = 1_767_225_600_000L;

  static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  static final String EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

  static byte[] docx() {
    return ooxml(WORD_MAIN, "/word/document.xml");
  }

  static byte[] xlsx() {
    return ooxml(EXCEL_MAIN, "/xl/workbook.xml");
  }

  /** An Office Open XML file: its content types naming the main part, the parts, and any further parts given. */
  static byte[] ooxml(String mainType, String mainPart, Entry... more) {
    Entry[] entries = new Entry[3 + more.length];
    entries[0] = new Entry("[Content_Types].xml", text("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas."
        + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"" + mainPart + "\" ContentType=\"" + mainType + "\"/></Types>"));
    entries[1] = new Entry("_rels/.rels", text("<?xml version=\"1.0\"?><Relationships/>"));
    entries[2] = new Entry(mainPart.substring(1), text("<?xml version=\"1.0\"?><document/>"));
    System.arraycopy(more, 0, entries, 3, more.length);
    return zip(entries);
  }

  /** An OpenDocument file: its mimetype part first, as the format asks. */
  static byte[] opendocument(String mimetype) {
    return zip(new Entry("mimetype", text(mimetype)), new Entry("content.xml", text("<?xml version=\"1.0\"?><x/>")),
        new Entry("META-INF/manifest.xml", text("<?xml version=\"1.0\"?><manifest/>")));
  }

  record Entry(String name, byte[] content) {}

  static byte[] zip(Entry... entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Entry entry : entries) {
        ZipEntry zipEntry = new ZipEntry(entry.name());
        // the same bytes on every call, whatever the clock
        zipEntry.setTime(SAMPLE_TIME);
        zip.putNextEntry(zipEntry);
        zip.write(entry.content());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** What Windows runs: the DOS stub of a program. */
  static byte[] exe() {
    return withHeader(text("MZ\u0090\u0000\u0003\u0000\u0000\u0000 This program cannot be run in DOS mode."), 512);
  }

  static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withHeader(byte[] header, int size) {
    byte[] content = Arrays.copyOf(header, size);
    Arrays.fill(content, header.length, size, (byte) 0x20);
    return content;
  }
}
