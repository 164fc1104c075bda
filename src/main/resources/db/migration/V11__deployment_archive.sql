-- Every deployment's files as deployed: who, when, each file's SHA-256 and bytes. Written in the deployment's own
-- transaction, never updated or deleted by the application; kept when an administrator deletes the deployment.
CREATE TABLE deployment_archive (
  deployment_id    VARCHAR(64)   NOT NULL,
  resource_name    VARCHAR(255)  NOT NULL,
  deployment_name  VARCHAR(255),
  source           VARCHAR(255),
  author           VARCHAR(64),
  deployed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  size_bytes       BIGINT        NOT NULL,
  sha256           VARCHAR(64)   NOT NULL,
  content          BYTEA         NOT NULL,
  PRIMARY KEY (deployment_id, resource_name)
);
CREATE INDEX deployment_archive_time ON deployment_archive (deployed_at);
