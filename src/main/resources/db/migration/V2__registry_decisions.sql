-- 容错纠错认定决定: one row per decided case, with the basis it was decided on.
CREATE TABLE decision (
  decision_no           VARCHAR(20)   PRIMARY KEY,
  process_instance_id   VARCHAR(64)   NOT NULL UNIQUE,
  unit_group            VARCHAR(64)   NOT NULL,
  unit_name             VARCHAR(200)  NOT NULL,
  official_id           VARCHAR(32)   NOT NULL,
  official_name         VARCHAR(50)   NOT NULL,
  official_position     VARCHAR(100)  NOT NULL,
  official_category     VARCHAR(32)   NOT NULL,
  work_category         VARCHAR(32)   NOT NULL,
  circumstance          VARCHAR(32)   NOT NULL,
  error_type            VARCHAR(32)   NOT NULL,
  discovered_on         DATE          NOT NULL,
  reported_on           DATE          NOT NULL,
  prefiling_no          VARCHAR(20),
  prefiled              BOOLEAN       NOT NULL,
  reported_timely       BOOLEAN       NOT NULL,
  corrected_timely      BOOLEAN       NOT NULL,
  complex_matter        BOOLEAN       NOT NULL,
  recommendation        VARCHAR(16)   NOT NULL,
  recommendation_basis  VARCHAR(1000) NOT NULL,
  determination         VARCHAR(16)   NOT NULL,
  basis                 VARCHAR(4000) NOT NULL,
  decided_on            DATE          NOT NULL
);
CREATE INDEX decision_unit_group ON decision (unit_group);
CREATE INDEX decision_official_id ON decision (official_id);

-- 结果运用 (M6): what a tolerated official is protected in, and who took note of it.
CREATE TABLE protection_notice (
  decision_no          VARCHAR(20)  NOT NULL REFERENCES decision (decision_no),
  matter               VARCHAR(32)  NOT NULL,
  official_id          VARCHAR(32)  NOT NULL,
  official_name        VARCHAR(50)  NOT NULL,
  issued_on            DATE         NOT NULL,
  organization_ack_by  VARCHAR(64),
  organization_ack_on  DATE,
  hr_ack_by            VARCHAR(64),
  hr_ack_on            DATE,
  PRIMARY KEY (decision_no, matter)
);
CREATE INDEX protection_notice_official_id ON protection_notice (official_id);
