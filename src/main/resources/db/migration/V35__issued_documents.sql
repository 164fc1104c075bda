-- 文书 the system issues (认定意见书, 结果运用通知书, 事前备案回执) are documents of their case like any other 材料,
-- marked with what they were issued as: one per case and kind (and receiving body), so a retried job issues none twice.
ALTER TABLE case_document ADD COLUMN issued_as VARCHAR(100);
CREATE UNIQUE INDEX case_document_issued ON case_document (case_instance_id, issued_as);
