package cn.gov.wuzhou.tolerance.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The kinds of file a case may hold, recognised by their content ({@link FileInspection}: Apache Tika's detection,
 * and a look inside containers), never by the name or the type the client declares: a web page, an SVG or a program
 * renamed {@code .pdf} is none of them, nor a zip holding a page or a program renamed {@code .docx}. The name's
 * extension must then be one of the kind's, so that what opens the file on a clerk's computer is what the content is.
 */
enum FileKind {
  PDF("PDF 文档", "application/pdf", Set.of("pdf"), file -> file.is("application/pdf")),
  JPEG("JPEG 图片", "image/jpeg", Set.of("jpg", "jpeg"), file -> file.is("image/jpeg")),
  PNG("PNG 图片", "image/png", Set.of("png"), file -> file.is("image/png")),
  GIF("GIF 图片", "image/gif", Set.of("gif"), file -> file.is("image/gif")),
  BMP("BMP 图片", "image/bmp", Set.of("bmp"), file -> file.is("image/bmp")),
  TIFF("TIFF 图片", "image/tiff", Set.of("tif", "tiff"), file -> file.is("image/tiff")),
  WEBP("WebP 图片", "image/webp", Set.of("webp"), file -> file.is("image/webp")),
  // the binary Office and WPS formats are compound files; which streams they hold tells a document
  // from a spreadsheet, and both from an installer (.msi), which is a compound file too
  WORD_97("Word 文档", "application/msword", Set.of("doc"), file -> file.compoundWith("WordDocument")),
  WPS_WRITER("WPS 文字文档", "application/wps-office.wps", Set.of("wps"), file -> file.compoundWith("WordDocument")),
  EXCEL_97("Excel 表格", "application/vnd.ms-excel", Set.of("xls"),
      file -> file.compoundWith("Workbook") || file.compoundWith("Book")),
  WPS_SHEET("WPS 表格", "application/wps-office.et", Set.of("et"),
      file -> file.compoundWith("Workbook") || file.compoundWith("Book")),
  // Office Open XML is a zip whose [Content_Types].xml names its main part: a document's, or a workbook's
  WORD("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx"),
      file -> file.ooxmlWithMainPart("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
  EXCEL("Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx"),
      file -> file.ooxmlWithMainPart("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
  // OpenDocument (WPS and LibreOffice save it too): its mimetype part says which
  ODF_TEXT("ODF 文字文档", "application/vnd.oasis.opendocument.text", Set.of("odt"),
      file -> file.is("application/vnd.oasis.opendocument.text")),
  ODF_SHEET("ODF 表格", "application/vnd.oasis.opendocument.spreadsheet", Set.of("ods"),
      file -> file.is("application/vnd.oasis.opendocument.spreadsheet"));

  /** What the upload form and the refusals tell clerks they may upload. */
  static final String ACCEPTED = "PDF、图片（JPG、PNG、GIF、BMP、TIFF、WebP）、Word、Excel、WPS 或 ODF 文件";

  private final String label;
  private final String mediaType;
  private final Set<String> extensions;
  private final Predicate<FileInspection> recognises;

  FileKind(String label, String mediaType, Set<String> extensions, Predicate<FileInspection> recognises) {
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
  static List<FileKind> of(FileInspection file) {
    return Arrays.stream(values()).filter(kind -> kind.recognises.test(file)).toList();
  }

  static Optional<FileKind> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(mediaType)).findFirst();
  }
}
