-- 材料: documents attached to a case or a pre-filing, kept with the case in the database (every node of a
-- cluster serves them, a backup holds them). Never updated or deleted by the application.
CREATE TABLE case_document (
  id                  VARCHAR(36)   PRIMARY KEY,
  -- the case (root process instance) the document belongs to; a deliberation's documents belong to its case
  case_instance_id    VARCHAR(64)   NOT NULL,
  -- where it was attached: the case itself or one of its sub-processes, and the task if known
  process_instance_id VARCHAR(64)   NOT NULL,
  task_id             VARCHAR(64),
  task_name           VARCHAR(255),
  title               VARCHAR(200)  NOT NULL,
  file_name           VARCHAR(255)  NOT NULL,
  content_type        VARCHAR(100)  NOT NULL,
  size_bytes          BIGINT        NOT NULL,
  sha256              VARCHAR(64)   NOT NULL,
  uploaded_by         VARCHAR(64)   NOT NULL,
  uploaded_by_name    VARCHAR(255),
  uploaded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  content             BYTEA         NOT NULL
);
CREATE INDEX case_document_case ON case_document (case_instance_id);
