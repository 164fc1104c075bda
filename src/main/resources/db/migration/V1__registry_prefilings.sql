-- Registry of the tolerance system, in the engine's database (H2 or PostgreSQL).

-- Rows locked with SELECT ... FOR UPDATE so that work two nodes may start at once runs once at a time.
CREATE TABLE registry_lock (
  name VARCHAR(64) PRIMARY KEY
);
INSERT INTO registry_lock (name) VALUES ('identity-seed');

-- Gap-free numbers per kind and year: the row is incremented inside the transaction that writes
-- the record, so a rolled-back write gives its number back.
CREATE TABLE number_sequence (
  kind       VARCHAR(8) NOT NULL,
  seq_year   INTEGER    NOT NULL,
  last_value INTEGER    NOT NULL,
  PRIMARY KEY (kind, seq_year)
);

-- 事前备案 (M4): one row per registered pre-filing process.
CREATE TABLE prefiling (
  prefiling_no        VARCHAR(20)   PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL UNIQUE,
  unit_group          VARCHAR(64)   NOT NULL,
  unit_name           VARCHAR(200)  NOT NULL,
  plan_title          VARCHAR(200)  NOT NULL,
  plan_summary        VARCHAR(4000) NOT NULL,
  work_category       VARCHAR(32)   NOT NULL,
  innovation_nature   VARCHAR(16)   NOT NULL,
  risk_assessment     VARCHAR(4000) NOT NULL,
  planned_start       DATE          NOT NULL,
  filing_authority    VARCHAR(64)   NOT NULL,
  registered_on       DATE          NOT NULL,
  registered_by       VARCHAR(64),
  review_comment      VARCHAR(2000)
);
CREATE INDEX prefiling_unit_group ON prefiling (unit_group);
