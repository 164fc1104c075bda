#!/usr/bin/env bash
# How fast are the registry pages with 10,000 decisions? Creates a fresh PostgreSQL database, starts the packaged
# application on it (the migrations create the schema), fills the registry with 10,000 decisions of 3,000
# officials over 2024 and 2025 (70 % 容错免责, each with its 8 protection notices and their acknowledgements),
# works one real case through to 容错免责 over REST (its case file comes from the engine's history), then loads
# each page several times in headless Chromium as zuzhi and jiwei (registry-load.js) and prints first / median /
# max in ms; then times 规则预览 (POST /api/rules/replay) over all of them. Drops the database at the end.
#
#   e2e/registry-load.sh [path/to/tolerance-0.1.0-SNAPSHOT.jar]     (PostgreSQL on 127.0.0.1:5432, user postgres, trust)
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), LOAD_DECISIONS (10000), LOAD_RUNS (5).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="${1:-$root/target/tolerance-0.1.0-SNAPSHOT.jar}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
decisions="${LOAD_DECISIONS:-10000}"
db="registry_load_$$"
out="$root/target/e2e"
mkdir -p "$out"

createdb "$db"
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
base="http://127.0.0.1:$port"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD= \
  java -jar "$jar" --server.port="$port" --server.address=127.0.0.1 >"$out/load-app.log" 2>&1 &
app=$!
stop() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  dropdb --if-exists "$db" || true
}
trap stop EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:demo "$base/engine-rest/engine" || true)" = 200 ]; do
  kill -0 "$app" 2>/dev/null || { tail -40 "$out/load-app.log" >&2; exit 1; }
  sleep 2
done

echo "load: $decisions decisions into $db"
psql -q -v ON_ERROR_STOP=1 -d "$db" -v n="$decisions" <<'SQL'
INSERT INTO decision (decision_no, process_instance_id, unit_group, unit_name, official_id, official_name,
  official_position, official_category, work_category, circumstance, error_type, discovered_on, reported_on,
  prefiled, reported_timely, corrected_timely, complex_matter, recommendation, recommendation_basis, determination,
  basis, decided_on, acted_in_public_interest, followed_decision_procedure, violated_discipline_or_law,
  subjective_intent, personal_gain, report_received_on, correction_verified_on, rules_definition_id, rules_version)
SELECT 'WZRC-' || EXTRACT(YEAR FROM d) || '-' || lpad(no::text, 4, '0'), 'load-' || i,
  CASE WHEN i % 3 = 0 THEN 'unit-tengxian-agri' ELSE 'unit-commerce' END,
  CASE WHEN i % 3 = 0 THEN '藤县农业农村局' ELSE '市商务局' END,
  'WZ-LOAD-' || lpad((i % 3000)::text, 4, '0'), '官员' || (i % 3000), '科长', 'PARTY_GOV_ORGAN',
  (ARRAY['RURAL_REVITALIZATION','BUSINESS_ENVIRONMENT','INVESTMENT_ATTRACTION','OTHER'])[1 + i % 4],
  (ARRAY['KEY_WORK','KEY_AREA','SERVICE_INNOVATION','OTHER'])[1 + i % 4], 'DEVIATION',
  d - 20, d - 19, false, true, true, false, det, '依据', det, '依据；审查意见', d, true, true, false, false, false,
  d - 18, d - 5, 'toleranceDetermination:1:load', 1
FROM (SELECT i, d, det, row_number() OVER (PARTITION BY EXTRACT(YEAR FROM d) ORDER BY i) AS no
      FROM (SELECT i, DATE '2024-01-01' + (i % 731) AS d,
              CASE WHEN i % 10 < 7 THEN 'TOLERATE' WHEN i % 10 < 9 THEN 'MITIGATE' ELSE 'NOT_TOLERATE' END AS det
            FROM generate_series(1, :n) AS i) AS days) AS s;
INSERT INTO protection_notice (decision_no, matter, official_id, official_name, issued_on)
SELECT decision_no, m, official_id, official_name, decided_on FROM decision,
  unnest(ARRAY['PARTY_CONDUCT_ASSESSMENT','ANNUAL_ASSESSMENT','AWARDS','SELECTION_APPOINTMENT','RANK_TITLE_PROMOTION',
    'INTEGRITY_OPINION','PARTY_CONGRESS_DELEGATE','RESERVE_CADRE']) AS m
WHERE determination = 'TOLERATE' AND process_instance_id LIKE 'load-%';
INSERT INTO protection_acknowledgement (decision_no, matter, department, acknowledged_by, acknowledged_on)
SELECT decision_no, matter, 'ORGANIZATION', 'zuzhi', issued_on + 1 FROM protection_notice WHERE official_id LIKE 'WZ-LOAD-%';
ANALYZE decision;
ANALYZE protection_notice;
ANALYZE protection_acknowledgement;
SELECT (SELECT COUNT(*) FROM decision) AS decisions, (SELECT COUNT(*) FROM protection_notice) AS notices;
SQL

(cd "$here" && BASE_URL="$base" E2E_OUT="$out" node registry-load.js)

# 规则预览: the shipped table re-evaluated over every decision, as guize sends it before a deployment
for run in 1 2 3; do
  curl -s -o "$out/load-replay.json" -w "replay of the rules over $decisions decisions: %{time_total} s\n" \
    -u guize:demo -F file=@"$root/processes/tolerance-determination.dmn" "$base/api/rules/replay"
done
head -c 200 "$out/load-replay.json"; echo
