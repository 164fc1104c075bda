#!/usr/bin/env bash
# Browser test of the packaged application: starts the jar on a free port with an in-memory H2 database,
# waits until it answers, runs every scenario (prefiling, desk, registry, cases, service .e2e.js) in headless Chromium (Debian's
# chromium, through playwright-core; no browser is downloaded), stops the application. Builds nothing.
#
#   e2e/run.sh [path/to/tolerance-0.1.0-SNAPSHOT.jar]     (default target/tolerance-0.1.0-SNAPSHOT.jar)
#
# Screenshots and the application's log go to target/e2e/. Exits non-zero when a scenario fails (the others
# still run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="${1:-target/tolerance-0.1.0-SNAPSHOT.jar}"
if [ ! -f "$jar" ] && [ -f "$root/$jar" ]; then jar="$root/$jar"; fi
if [ ! -f "$jar" ]; then
  echo "e2e: no jar at $jar (build it first: mvn -DskipTests package)" >&2
  exit 2
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
out="${E2E_OUT:-$root/target/e2e}"
mkdir -p "$out"
rm -f "$out"/*.png

# Chromium and a font with Chinese glyphs (Debian's packages).
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v chromium >/dev/null || apt_install chromium chromium-driver fonts-wqy-microhei
fc-list | grep -qi wqy || apt_install fonts-wqy-microhei
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
base="http://127.0.0.1:$port"
log="$out/app.log"
echo "e2e: starting $(basename "$jar") on port $port (log: $log)"
(cd "$out" && exec java -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
  --spring.datasource.url=jdbc:h2:mem:e2e >"$log" 2>&1) &
app=$!
stop() {
  if kill -0 "$app" 2>/dev/null; then
    kill "$app" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
    kill -9 "$app" 2>/dev/null || true
  fi
}
trap stop EXIT

started=$(date +%s)
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u "admin:${TOLERANCE_DEMO_PASSWORD:-demo}" "$base/engine-rest/engine" || true)" = 200 ]; do
  if ! kill -0 "$app" 2>/dev/null; then
    echo "e2e: the application stopped while starting:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  if [ $(( $(date +%s) - started )) -gt 240 ]; then
    echo "e2e: the application did not answer within 240 s" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  sleep 2
done
echo "e2e: application answers after $(( $(date +%s) - started )) s"
if grep -q 'ENGINE-09005' "$log"; then
  echo "e2e: a BPMN, DMN or form did not parse (ENGINE-09005):" >&2
  grep -A3 'ENGINE-09005' "$log" >&2
  exit 1
fi

rc=0
for scenario in prefiling desk registry cases service; do
  (cd "$here" && BASE_URL="$base" E2E_OUT="$out" node "$scenario.e2e.js") || rc=1
done
exit $rc
