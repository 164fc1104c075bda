-- The facts the determination rules decided on, so that a decision can be read, and its rules replayed,
-- on its own record. Decisions recorded before have none of them.
ALTER TABLE decision ADD COLUMN acted_in_public_interest BOOLEAN;
ALTER TABLE decision ADD COLUMN followed_decision_procedure BOOLEAN;
ALTER TABLE decision ADD COLUMN violated_discipline_or_law BOOLEAN;
ALTER TABLE decision ADD COLUMN subjective_intent BOOLEAN;
ALTER TABLE decision ADD COLUMN personal_gain BOOLEAN;
-- asked only for procedural deviations (先批后补、容缺受理)
ALTER TABLE decision ADD COLUMN non_core_documents_only BOOLEAN;
-- the date the discipline-inspection body received the report, and the completion date it verified
ALTER TABLE decision ADD COLUMN report_received_on DATE;
ALTER TABLE decision ADD COLUMN correction_verified_on DATE;
-- what the accountability office corrected of the unit's classification, and why
ALTER TABLE decision ADD COLUMN reclassification VARCHAR(2000);
