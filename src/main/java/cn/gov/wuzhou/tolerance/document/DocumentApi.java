package cn.gov.wuzhou.tolerance.document;

import cn.gov.wuzhou.tolerance.api.Callers;
import cn.gov.wuzhou.tolerance.document.CaseDocuments.Listing;
import cn.gov.wuzhou.tolerance.document.CaseDocuments.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
@Tag(name = "材料", description = "案件和事前备案的材料（情况说明、整改方案、备案方案等）：能看到案件的人查看和下载，案件办理中可以上传；"
    + "一事一议的子流程属于其案件")
class DocumentApi {

  /** A document as integrators and the webapps list it; {@code href} downloads it. */
  record DocumentView(String id, String title, String fileName, String contentType, String typeLabel, long size,
      String sha256, String caseInstanceId, String processInstanceId, String taskId, String taskName,
      String uploadedBy, String uploadedByName, OffsetDateTime uploadedAt, String issuedAs, String href) {

    static DocumentView of(CaseDocument d) {
      return new DocumentView(d.id(), d.title(), d.fileName(), d.contentType(),
          FileKind.ofMediaType(d.contentType()).map(FileKind::label).orElse(d.contentType()), d.size(), d.sha256(),
          d.caseInstanceId(), d.processInstanceId(), d.taskId(), d.taskName(), d.uploadedBy(), d.uploadedByName(),
          d.uploadedAt(), d.issuedAs(), "/api/documents/" + d.id());
    }
  }

  /** A case's documents, whether the caller may add one, and what may be added. */
  record CaseDocumentsView(String caseInstanceId, boolean mayAttach, long maxSize, String accepted,
      List<DocumentView> items) {}

  private final CaseDocuments documents;
  private final Callers callers;
  private final DocumentProperties properties;

  DocumentApi(CaseDocuments documents, Callers callers, DocumentProperties properties) {
    this.documents = documents;
    this.callers = callers;
    this.properties = properties;
  }

  @GetMapping("/cases/{processInstanceId}/documents")
  @Operation(summary = "查询案件的材料", description = "案件或事前备案的流程实例编号（一事一议子流程的编号亦可，返回其案件的材料）；"
      + "按上传先后排列；mayAttach 表示当前用户能否继续上传")
  CaseDocumentsView list(@PathVariable String processInstanceId) {
    Listing listing = documents.list(processInstanceId, callers.current());
    return new CaseDocumentsView(listing.caseFile().caseInstanceId(), listing.caseFile().open(),
        properties.maxSize().toBytes(), FileKind.ACCEPTED, listing.documents().stream().map(DocumentView::of).toList());
  }

  @PostMapping(path = "/cases/{processInstanceId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "上传材料", description = "multipart/form-data：file 为文件（PDF、图片、Word、Excel、WPS，按内容识别，"
      + "不超过 tolerance.documents.max-size，默认 20 MB），title 为材料名称（可选，默认为文件名），taskId 为上传时所办理的任务（可选）。案件办结后不能再上传；材料一经上传不能删除")
  ResponseEntity<DocumentView> attach(@PathVariable String processInstanceId, @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String title, @RequestParam(required = false) String taskId) {
    CaseDocument document = documents.attach(processInstanceId,
        new Upload(file.getOriginalFilename(), bytes(file), title, taskId), callers.current());
    DocumentView view = DocumentView.of(document);
    return ResponseEntity.created(URI.create(view.href())).body(view);
  }

  @GetMapping("/documents/{id}")
  @Operation(summary = "下载材料", description = "原文件的内容、文件名和类型；inline=true 时，系统制发的文书（认定意见书、回执、通知书，"
      + "issuedAs 不为空）在浏览器中打开，其他材料仍作为下载")
  ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam(defaultValue = "false") boolean inline) {
    CaseDocument document = documents.find(id, callers.current());
    byte[] content = documents.content(document);
    // only a PDF the system made itself is shown inline: an uploaded file's content is the uploader's
    ContentDisposition.Builder disposition = inline && document.issuedAs() != null
        ? ContentDisposition.inline() : ContentDisposition.attachment();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .contentLength(content.length)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            disposition.filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
        // served as a download of its checked type only, never rendered as a page of this site
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(content);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
