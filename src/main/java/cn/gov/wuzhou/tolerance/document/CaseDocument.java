package cn.gov.wuzhou.tolerance.document;

import java.time.OffsetDateTime;

/**
 * A document of a case, without its content: who attached what, when, and in which step; {@code issuedAs} names a
 * 文书 the system issued ({@code null} for a file a person uploaded).
 */
public record CaseDocument(String id, String caseInstanceId, String processInstanceId, String taskId, String taskName,
    String title, String fileName, String contentType, long size, String sha256, String uploadedBy,
    String uploadedByName, OffsetDateTime uploadedAt, String issuedAs) {}
