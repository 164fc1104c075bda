#!/usr/bin/env bash
# Lints every processes/*.bpmn with bpmnlint: bpmnlint:recommended plus the Camunda 7.24 compatibility rules
# that Camunda Modeler applies (plugin:camunda-compat/camunda-platform-7-24), see .bpmnlintrc.
# Fails on any reported problem: error, warning or info.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
shopt -s nullglob
files=("$here"/../processes/*.bpmn)
if [ ${#files[@]} -eq 0 ]; then
  echo "lint: no processes/*.bpmn found" >&2
  exit 1
fi
set +e
out="$(npx --no-install bpmnlint --max-warnings 0 "${files[@]}" 2>&1)"
rc=$?
set -e
if [ $rc -ne 0 ] || [ -n "$(printf '%s' "$out" | tr -d '[:space:]')" ]; then
  printf '%s\n' "$out"
  echo "lint: FAILED (bpmnlint exit $rc)" >&2
  exit 1
fi
echo "lint: ${#files[@]} BPMN files clean (bpmnlint:correctness + recommended, camunda-compat/camunda-platform-7-24)"
