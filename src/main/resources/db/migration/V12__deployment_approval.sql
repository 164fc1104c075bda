-- A process owner's deployment waits here, outside the engine, until an administrator approves it
-- (MISSION.md, "Process owners"). Insert-only: an approval is a record of its own.
CREATE TABLE pending_deployment (
  pending_no       VARCHAR(20)   PRIMARY KEY,
  deployment_name  VARCHAR(255),
  source           VARCHAR(255),
  author           VARCHAR(64)   NOT NULL,
  submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE pending_deployment_file (
  pending_no       VARCHAR(20)   NOT NULL,
  resource_name    VARCHAR(255)  NOT NULL,
  sha256           VARCHAR(64)   NOT NULL,
  content          BYTEA         NOT NULL,
  PRIMARY KEY (pending_no, resource_name)
);
-- who approved it, when, what the rules preview showed, and the deployment it became
CREATE TABLE deployment_approval (
  pending_no       VARCHAR(20)   PRIMARY KEY,
  deployment_id    VARCHAR(64)   NOT NULL,
  approver         VARCHAR(64)   NOT NULL,
  approved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  replay_summary   VARCHAR(2000) NOT NULL
);
CREATE INDEX deployment_approval_deployment ON deployment_approval (deployment_id);
