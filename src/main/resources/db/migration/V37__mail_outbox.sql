-- Mail waits here, written in the transaction of what it tells (a new task, a reminder, a served decision), until a
-- sender of any node claims it (claimed_by / claimed_until), sends it and marks it sent. A failed server moves
-- next_attempt_at on; a dead node's claim expires. dedup_key makes it one mail per task, kind and person.
CREATE TABLE mail_outbox (
  id                 VARCHAR(36)   PRIMARY KEY,
  dedup_key          VARCHAR(200)  NOT NULL,
  kind               VARCHAR(20)   NOT NULL,
  recipient          VARCHAR(64)   NOT NULL,
  address            VARCHAR(255)  NOT NULL,
  subject            VARCHAR(255)  NOT NULL,
  body               VARCHAR(4000) NOT NULL,
  -- a digest mail gathers the person's mails due at the digest hour into one
  digest             BOOLEAN       NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts           INT           NOT NULL,
  claimed_by         VARCHAR(100),
  claimed_until      TIMESTAMP WITH TIME ZONE,
  sent_at            TIMESTAMP WITH TIME ZONE,
  last_error         VARCHAR(1000)
);
CREATE UNIQUE INDEX mail_outbox_once ON mail_outbox (dedup_key);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);
