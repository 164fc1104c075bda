package cn.gov.wuzhou.tolerance.document;

import java.time.OffsetDateTime;

/** A document of a case, without its content: who attached what, when, and in which step. */
record CaseDocument(String id, String caseInstanceId, String processInstanceId, String taskId, String taskName,
    String title, String fileName, String contentType, long size, String sha256, String uploadedBy,
    String uploadedByName, OffsetDateTime uploadedAt) {}
