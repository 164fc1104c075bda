-- 事项编号 of every case (WZSX-<year>-NNNN) and pre-filing (WZBA-<year>-NNNN), the process instance's business
-- key: written in the transaction that starts the instance, drawing from number_sequence, so a refused start
-- leaves neither a row nor a used number. 我的事项 (GET /api/cases) lists the cases from here.
CREATE TABLE case_number (
  case_no             VARCHAR(20) PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL UNIQUE,
  process_key         VARCHAR(64) NOT NULL,
  unit_group          VARCHAR(64) NOT NULL,
  started_at          TIMESTAMP   NOT NULL
);
CREATE INDEX case_number_unit_group ON case_number (unit_group);
CREATE INDEX case_number_started_at ON case_number (started_at);
