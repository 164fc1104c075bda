-- Which version of the determination rules (容错认定规则) made the recommendation: the decision definition's
-- id and version. Decisions recorded before have none.
ALTER TABLE decision ADD COLUMN rules_definition_id VARCHAR(64);
ALTER TABLE decision ADD COLUMN rules_version INTEGER;
