-- 结果运用: each notice is taken note of by every body that handles its matter (组织部门, 人社部门, 纪检监察机关,
-- 人大常委会, 政协), no longer by the organization department and HR for all matters alike.
CREATE TABLE protection_acknowledgement (
  decision_no      VARCHAR(20) NOT NULL,
  matter           VARCHAR(32) NOT NULL,
  department       VARCHAR(16) NOT NULL,
  acknowledged_by  VARCHAR(64),
  acknowledged_on  DATE,
  PRIMARY KEY (decision_no, matter, department),
  FOREIGN KEY (decision_no, matter) REFERENCES protection_notice (decision_no, matter)
);
-- the notes already taken, as they were taken: both departments for every matter
INSERT INTO protection_acknowledgement (decision_no, matter, department, acknowledged_by, acknowledged_on)
  SELECT decision_no, matter, 'ORGANIZATION', organization_ack_by, organization_ack_on FROM protection_notice;
INSERT INTO protection_acknowledgement (decision_no, matter, department, acknowledged_by, acknowledged_on)
  SELECT decision_no, matter, 'HR', hr_ack_by, hr_ack_on FROM protection_notice;
ALTER TABLE protection_notice DROP COLUMN organization_ack_by;
ALTER TABLE protection_notice DROP COLUMN organization_ack_on;
ALTER TABLE protection_notice DROP COLUMN hr_ack_by;
ALTER TABLE protection_notice DROP COLUMN hr_ack_on;
