package cn.gov.wuzhou.tolerance.document;

import cn.gov.wuzhou.tolerance.api.ApiException;
import cn.gov.wuzhou.tolerance.api.Caller;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.document.CaseAccess.CaseFile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The documents (材料) of the cases: whoever may see a case lists and reads its documents; whoever may
 * see it attaches more while it is open. Every refusal is checked before anything is written.
 */
@Component
class CaseDocuments {

  static final int MAX_TITLE = 200;
  static final int MAX_FILE_NAME = 255;
  // the marks and embeddings, overrides and isolates of Unicode's bidirectional algorithm
  private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

  /** A file as it arrived: the name the client gave, its bytes, an optional title and task. */
  record Upload(String fileName, byte[] content, String title, String taskId) {}

  /** The documents of a case, and whether the caller may add to them. */
  record Listing(CaseFile caseFile, List<CaseDocument> documents) {}

  private final CaseAccess access;
  private final Documents documents;
  private final IdentityService identityService;
  private final Today today;
  private final DocumentProperties properties;

  CaseDocuments(CaseAccess access, Documents documents, IdentityService identityService, Today today,
      DocumentProperties properties) {
    this.access = access;
    this.documents = documents;
    this.identityService = identityService;
    this.today = today;
    this.properties = properties;
  }

  Listing list(String processInstanceId, Caller caller) {
    CaseFile caseFile = visibleCase(processInstanceId, caller);
    return new Listing(caseFile, documents.ofCase(caseFile.caseInstanceId()));
  }

  CaseDocument attach(String processInstanceId, Upload upload, Caller caller) {
    CaseFile caseFile = visibleCase(processInstanceId, caller);
    if (!caseFile.open()) {
      throw new ApiException(HttpStatus.CONFLICT, "案件已办结，不能再添加材料");
    }
    Task task = upload.taskId() == null || upload.taskId().isBlank() ? null
        : access.taskOf(caseFile, upload.taskId().strip()).orElseThrow(() -> ApiException.badRequest(
            "任务 " + upload.taskId().strip() + " 不是本案件待办理的任务，或不在您的查看范围内"));
    String fileName = fileName(upload.fileName());
    String title = title(upload.title(), fileName);
    FileKind kind = kind(fileName, upload.content());
    withinQuota(caseFile, upload.content().length);
    CaseDocument document = new CaseDocument(UUID.randomUUID().toString(), caseFile.caseInstanceId(),
        task == null ? processInstanceId : task.getProcessInstanceId(), task == null ? null : task.getId(),
        task == null ? null : task.getName(), title, fileName, kind.mediaType(), upload.content().length,
        sha256(upload.content()), caller.userId(), displayName(caller.userId()), today.now(), null);
    documents.add(document, upload.content());
    return document;
  }

  // A per-case lock would make two uploads racing at the quota's edge wait for each other; the case's own documents
  // are few and large, so the sum is read as it stands.
  private void withinQuota(CaseFile caseFile, long size) {
    long stored = documents.totalSize(caseFile.caseInstanceId());
    if (stored + size > properties.maxPerCase().toBytes()) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "本案件的材料已有 " + DocumentProperties.text(DataSize.ofBytes(stored))
          + "，加上这份文件将超过每个案件 " + properties.maxPerCaseText() + " 的上限，不能上传；请压缩文件或联系系统管理员");
    }
  }

  /** A document and its bytes, if the caller may see its case. */
  CaseDocument find(String documentId, Caller caller) {
    return documents.find(documentId)
        .filter(document -> access.visible(document.caseInstanceId(), caller).isPresent())
        .orElseThrow(() -> ApiException.notFound("材料 " + documentId));
  }

  byte[] content(CaseDocument document) {
    return documents.content(document.id());
  }

  private CaseFile visibleCase(String processInstanceId, Caller caller) {
    return access.visible(processInstanceId, caller)
        .orElseThrow(() -> ApiException.notFound("案件 " + processInstanceId));
  }

  // browsers may send a whole path; control characters have no place in a name shown to clerks, nor the
  // bidirectional controls that make 「报告‮fdp.exe」 look like a PDF
  private static String fileName(String given) {
    String name = given == null ? "" : withoutControls(given.replaceAll(".*[/\\\\]", ""));
    if (name.isEmpty()) {
      throw ApiException.badRequest("文件名不能为空");
    }
    if (name.length() > MAX_FILE_NAME) {
      throw ApiException.badRequest("文件名不能超过 " + MAX_FILE_NAME + " 个字符");
    }
    return name;
  }

  private static String title(String given, String fileName) {
    String title = given == null || given.isBlank() ? withoutExtension(fileName) : withoutControls(given);
    if (title.length() > MAX_TITLE) {
      throw ApiException.badRequest("材料名称不能超过 " + MAX_TITLE + " 个字符");
    }
    return title;
  }

  private static FileKind kind(String fileName, byte[] content) {
    if (content.length == 0) {
      throw ApiException.badRequest("文件「" + fileName + "」是空的");
    }
    FileInspection inspection = FileInspection.of(content);
    inspection.forbidden().ifPresent(part -> {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "「" + fileName + "」内含不允许的内容（" + part.part()
          + "：" + part.reason() + "），不能上传");
    });
    List<FileKind> kinds = FileKind.of(inspection);
    if (kinds.isEmpty()) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "「" + fileName + "」不是可以上传的材料：只能上传 " + FileKind.ACCEPTED);
    }
    String extension = extension(fileName);
    return kinds.stream().filter(kind -> kind.hasExtension(extension)).findFirst()
        .orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "「" + fileName + "」的内容是 "
            + kinds.get(0).label() + "，与扩展名" + (extension.isEmpty() ? "（无）" : " ." + extension + " ")
            + "不符：请改正文件名后重新上传"));
  }

  private static String withoutControls(String text) {
    return BIDI_CONTROLS.matcher(text.replaceAll("\\p{Cntrl}", "")).replaceAll("").strip();
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String withoutExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? fileName : fileName.substring(0, dot);
  }

  private String displayName(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return null;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? null : name;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
