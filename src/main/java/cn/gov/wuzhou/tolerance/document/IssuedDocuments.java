package cn.gov.wuzhou.tolerance.document;

import cn.gov.wuzhou.tolerance.common.Today;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The 文书 the system issues, stored with the case's 材料 like an uploaded file (SHA-256 recorded), so whoever may
 * read the case lists and downloads them. Each is generated once per case and kind ({@code issuedAs}): a retried job
 * finds the one already issued and generates nothing, so a document is never regenerated differently.
 */
@Component
public class IssuedDocuments {

  /** Who the case file names as having attached an issued document. */
  public static final String SYSTEM = "system";

  private final Documents documents;
  private final OfficialDocumentPdf pdf;
  private final Today today;

  IssuedDocuments(Documents documents, OfficialDocumentPdf pdf, Today today) {
    this.documents = documents;
    this.pdf = pdf;
    this.today = today;
  }

  /**
   * Issues the document as a PDF unless the case has it already; returns the one the case holds.
   *
   * @param caseInstanceId the case (root process instance)
   * @param processInstanceId the instance that issues it (the case, or the pre-filing)
   * @param issuedAs what it is, unique within the case, e.g. {@code DECISION} or {@code NOTICE:organization-dept}
   */
  public CaseDocument issue(String caseInstanceId, String processInstanceId, String issuedAs, String fileName,
      Supplier<OfficialDocument> document) {
    Optional<CaseDocument> existing = documents.issued(caseInstanceId, issuedAs);
    if (existing.isPresent()) {
      return existing.get();
    }
    OfficialDocument content = document.get();
    byte[] bytes = pdf.render(content);
    CaseDocument issued = new CaseDocument(UUID.randomUUID().toString(), caseInstanceId, processInstanceId, null,
        null, content.title(), fileName, FileKind.PDF.mediaType(), bytes.length, CaseDocuments.sha256(bytes), SYSTEM,
        "系统生成", today.now(), issuedAs);
    documents.add(issued, bytes);
    return issued;
  }

  public Optional<CaseDocument> issued(String caseInstanceId, String issuedAs) {
    return documents.issued(caseInstanceId, issuedAs);
  }

  public byte[] content(CaseDocument document) {
    return documents.content(document.id());
  }
}
