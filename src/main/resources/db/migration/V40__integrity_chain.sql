-- The hash chain over the registry (tamper evidence): one entry per record, in the order written. Each entry holds
-- the record's canonical content hash and the previous entry's hash; its own hash covers both. Entries are only
-- ever inserted, behind the one head row locked by every writer, so writers on several nodes never fork the chain.
CREATE TABLE integrity_entry (
  seq            BIGINT       PRIMARY KEY,
  record_table   VARCHAR(64)  NOT NULL,
  -- the record's key columns' values joined by '/'
  record_key     VARCHAR(255) NOT NULL,
  content_hash   VARCHAR(64)  NOT NULL,
  previous_hash  VARCHAR(64)  NOT NULL,
  entry_hash     VARCHAR(64)  NOT NULL,
  recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT integrity_entry_record UNIQUE (record_table, record_key)
);

CREATE TABLE integrity_head (
  id        INTEGER     PRIMARY KEY,
  last_seq  BIGINT      NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO integrity_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
