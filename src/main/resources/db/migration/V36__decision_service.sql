-- 送达 of a decision's 认定意见书: the unit's receipt (RECEIPT) and the official's signature or refusal (OFFICIAL),
-- one row each, written once as the unit records it.
CREATE TABLE decision_service (
  decision_no   VARCHAR(20)   NOT NULL,
  step          VARCHAR(10)   NOT NULL,
  document_id   VARCHAR(36),
  -- OFFICIAL only: SIGNED or REFUSED, the date the official signed or refused, and the unit's note
  outcome       VARCHAR(10),
  on_date       DATE          NOT NULL,
  note          VARCHAR(4000),
  recorded_by   VARCHAR(64)   NOT NULL,
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (decision_no, step)
);
