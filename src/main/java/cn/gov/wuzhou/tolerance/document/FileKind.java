package cn.gov.wuzhou.tolerance.document;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The kinds of file a case may hold, recognised by their content, never by the name or the type the
 * client declares: a web page, an SVG or a program renamed {@code .pdf} is none of them. The name's
 * extension must then be one of the kind's, so that what opens the file on a clerk's computer is what
 * the content is.
 */
enum FileKind {
  PDF("PDF 文档", "application/pdf", Set.of("pdf"), content -> startsWith(content, 0, "%PDF-")),
  JPEG("JPEG 图片", "image/jpeg", Set.of("jpg", "jpeg"), content -> startsWith(content, 0, 0xFF, 0xD8, 0xFF)),
  PNG("PNG 图片", "image/png", Set.of("png"),
      content -> startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
  GIF("GIF 图片", "image/gif", Set.of("gif"),
      content -> startsWith(content, 0, "GIF87a") || startsWith(content, 0, "GIF89a")),
  BMP("BMP 图片", "image/bmp", Set.of("bmp"), content -> startsWith(content, 0, "BM") && content.length > 26),
  TIFF("TIFF 图片", "image/tiff", Set.of("tif", "tiff"),
      content -> startsWith(content, 0, 'I', 'I', 42, 0) || startsWith(content, 0, 'M', 'M', 0, 42)),
  WEBP("WebP 图片", "image/webp", Set.of("webp"),
      content -> startsWith(content, 0, "RIFF") && startsWith(content, 8, "WEBP")),
  // the binary Office and WPS formats are compound files; which streams they hold tells a document
  // from a spreadsheet, and both from an installer (.msi), which is a compound file too
  WORD_97("Word 文档", "application/msword", Set.of("doc"), content -> compoundWith(content, "WordDocument")),
  WPS_WRITER("WPS 文字文档", "application/wps-office.wps", Set.of("wps"), content -> compoundWith(content, "WordDocument")),
  EXCEL_97("Excel 表格", "application/vnd.ms-excel", Set.of("xls"),
      content -> compoundWith(content, "Workbook") || compoundWith(content, "Book")),
  WPS_SHEET("WPS 表格", "application/wps-office.et", Set.of("et"),
      content -> compoundWith(content, "Workbook") || compoundWith(content, "Book")),
  // Office Open XML is a zip: its directory must name the parts of a document or a workbook
  WORD("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx"),
      content -> zipWith(content, "word/document.xml")),
  EXCEL("Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx"),
      content -> zipWith(content, "xl/workbook.xml"));

  /** What the upload form and the refusals tell clerks they may upload. */
  static final String ACCEPTED = "PDF、图片（JPG、PNG、GIF、BMP、TIFF、WebP）、Word、Excel 或 WPS 文件";

  private static final byte[] COMPOUND_FILE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
      0x1A, (byte) 0xE1};
  private static final int ZIP_END_OF_DIRECTORY = 0x06054b50;
  private static final int ZIP_DIRECTORY_ENTRY = 0x02014b50;

  private final String label;
  private final String mediaType;
  private final Set<String> extensions;
  private final Predicate<byte[]> recognises;

  FileKind(String label, String mediaType, Set<String> extensions, Predicate<byte[]> recognises) {
    this.label = label;
    this.mediaType = mediaType;
    this.extensions = extensions;
    this.recognises = recognises;
  }

  String label() {
    return label;
  }

  String mediaType() {
    return mediaType;
  }

  boolean hasExtension(String extension) {
    return extensions.contains(extension);
  }

  /** The kinds the content is: one, or two that share a format (a Word and a WPS document) — the extension decides. */
  static List<FileKind> of(byte[] content) {
    return Arrays.stream(values()).filter(kind -> kind.recognises.test(content)).toList();
  }

  static Optional<FileKind> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(mediaType)).findFirst();
  }

  private static boolean startsWith(byte[] content, int offset, String ascii) {
    return startsWith(content, offset, ascii.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean startsWith(byte[] content, int offset, int... bytes) {
    byte[] expected = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      expected[i] = (byte) bytes[i];
    }
    return startsWith(content, offset, expected);
  }

  private static boolean startsWith(byte[] content, int offset, byte[] expected) {
    return content.length >= offset + expected.length
        && Arrays.equals(content, offset, offset + expected.length, expected, 0, expected.length);
  }

  // A compound file names its streams in UTF-16 in its directory sectors; looking for the name is
  // enough to tell the formats apart without reading the file system inside.
  private static boolean compoundWith(byte[] content, String streamName) {
    return startsWith(content, 0, COMPOUND_FILE) && indexOf(content, streamName.getBytes(StandardCharsets.UTF_16LE)) >= 0;
  }

  // Reads only the zip's central directory (names, no decompression), so a crafted archive costs nothing.
  private static boolean zipWith(byte[] content, String partName) {
    if (!startsWith(content, 0, 'P', 'K', 3, 4)) {
      return false;
    }
    List<String> names = zipEntryNames(content);
    return names.contains(partName) && names.contains("[Content_Types].xml");
  }

  private static List<String> zipEntryNames(byte[] content) {
    ByteBuffer zip = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
    int end = -1;
    // the end record is 22 bytes plus a comment of at most 65,535
    for (int i = content.length - 22; i >= Math.max(0, content.length - 22 - 65535); i--) {
      if (zip.getInt(i) == ZIP_END_OF_DIRECTORY) {
        end = i;
        break;
      }
    }
    List<String> names = new ArrayList<>();
    if (end < 0) {
      return names;
    }
    int entries = Short.toUnsignedInt(zip.getShort(end + 10));
    long position = Integer.toUnsignedLong(zip.getInt(end + 16));
    for (int i = 0; i < entries && position + 46 <= end; i++) {
      int at = (int) position;
      if (zip.getInt(at) != ZIP_DIRECTORY_ENTRY) {
        break;
      }
      int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
      if (at + 46 + nameLength > end) {
        break;
      }
      names.add(new String(content, at + 46, nameLength, StandardCharsets.UTF_8));
      position = (long) at + 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }

  private static int indexOf(byte[] content, byte[] pattern) {
    outer:
    for (int i = 0; i <= content.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (content[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
