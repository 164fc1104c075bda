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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The documents (材料) of the cases: whoever may see a case lists and reads its documents; whoever may
 * see it attaches more while it is open. Every refusal is checked before anything is written.
 */
@Component
class CaseDocuments {

  static final int MAX_TITLE = 200;
  static final int MAX_FILE_NAME = 255;

  /** A file as it arrived: the name the client gave, its bytes, an optional title and task. */
  record Upload(String fileName, byte[] content, String title, String taskId) {}

  /** The documents of a case, and whether the caller may add to them. */
  record Listing(CaseFile caseFile, List<CaseDocument> documents) {}

  private final CaseAccess access;
  private final Documents documents;
  private final IdentityService identityService;
  private final Today today;

  CaseDocuments(CaseAccess access, Documents documents, IdentityService identityService, Today today) {
    this.access = access;
    this.documents = documents;
    this.identityService = identityService;
    this.today = today;
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
    CaseDocument document = new CaseDocument(UUID.randomUUID().toString(), caseFile.caseInstanceId(),
        task == null ? processInstanceId : task.getProcessInstanceId(), task == null ? null : task.getId(),
        task == null ? null : task.getName(), title, fileName, kind.mediaType(), upload.content().length,
        sha256(upload.content()), caller.userId(), displayName(caller.userId()), today.now(), null);
    documents.add(document, upload.content());
    return document;
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

  // browsers may send a whole path; control characters have no place in a name shown to clerks
  private static String fileName(String given) {
    String name = given == null ? "" : given.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      throw ApiException.badRequest("文件名不能为空");
    }
    if (name.length() > MAX_FILE_NAME) {
      throw ApiException.badRequest("文件名不能超过 " + MAX_FILE_NAME + " 个字符");
    }
    return name;
  }

  private static String title(String given, String fileName) {
    String title = given == null || given.isBlank() ? withoutExtension(fileName) : given.strip();
    if (title.length() > MAX_TITLE) {
      throw ApiException.badRequest("材料名称不能超过 " + MAX_TITLE + " 个字符");
    }
    return title;
  }

  private static FileKind kind(String fileName, byte[] content) {
    if (content.length == 0) {
      throw ApiException.badRequest("文件「" + fileName + "」是空的");
    }
    List<FileKind> kinds = FileKind.of(content);
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
