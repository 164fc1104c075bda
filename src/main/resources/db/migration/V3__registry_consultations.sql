-- 定期会商 (M7): the minutes of each consultation, at city or county level.
CREATE TABLE consultation (
  consultation_no     VARCHAR(20)   PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL UNIQUE,
  consultation_level  VARCHAR(16)   NOT NULL,
  level_name          VARCHAR(50)   NOT NULL,
  held_on             DATE          NOT NULL,
  brief               VARCHAR(4000) NOT NULL,
  discipline_input    VARCHAR(4000) NOT NULL,
  organization_input  VARCHAR(4000) NOT NULL,
  resolutions         VARCHAR(4000) NOT NULL,
  follow_up_items     VARCHAR(4000),
  recorded_by         VARCHAR(64)
);
CREATE INDEX consultation_level ON consultation (consultation_level);
