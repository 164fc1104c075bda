-- The registry pages look officials up by name (official_id has its index since V2) and count decisions per
-- period and month; with 10,000 decisions both would otherwise read the whole table.
CREATE INDEX decision_official_name ON decision (official_name);
CREATE INDEX decision_decided_on ON decision (decided_on);
