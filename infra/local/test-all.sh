#!/usr/bin/env bash
# `npm test`: everything a change must pass, in the order that fails fastest. Stops at the first
# failing stage and names it; always ends with one line "N passed, N failed" (jest tests, summed
# over the tiers that ran).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=lib/node-deps.sh
source "$HERE/lib/node-deps.sh"
cd "$ROOT"

STATE="${CWP_STATE_DIR:-$ROOT/.state}"
RESULTS="$STATE/test-results"
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.json
PASSED=0
FAILED=0

# Adds a tier's counts from jest's --json report (absent when jest died before reporting).
count_tier() {
  local file="$RESULTS/$1.json" counts
  [[ -s $file ]] || return 0
  counts=$(node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests)' "$file")
  PASSED=$((PASSED + ${counts% *}))
  FAILED=$((FAILED + ${counts#* }))
  echo "    $1: ${counts% *} passed, ${counts#* } failed"
}

summary() { echo "$PASSED passed, $FAILED failed"; }

stage() {
  local name=$1
  shift
  echo "==> $name"
  local started=$SECONDS
  if ! "$@"; then
    echo "test-all: FAILED at stage '$name' (after $((SECONDS - started)) s)" >&2
    summary
    exit 1
  fi
  echo "    $name ok ($((SECONDS - started)) s)"
}

# jest exits 1 when a tier matches no test file yet: --passWithNoTests keeps an empty tier green.
jest_tier() {
  local tier=$1
  shift
  local status=0
  npx jest --selectProjects "$tier" --passWithNoTests --json --outputFile="$RESULTS/$tier.json" "$@" || status=$?
  count_tier "$tier"
  return "$status"
}

stage "npm ci" ensure_node_modules
stage "stack up" bash "$HERE/stack.sh" up
stage "format (prettier, width 140)" npm run -s format:check
stage "lint (eslint)" npx eslint .
stage "lint (boundaries)" npx depcruise --config .dependency-cruiser.js libs apps workflows test seeds
stage "type-check (tsc -b)" npx tsc -b
stage "unit tests" jest_tier unit
stage "integration tests" jest_tier integration --runInBand
stage "workflow tests" jest_tier workflow --runInBand
stage "e2e tests" jest_tier e2e --runInBand
# Faults, abuse, races, scope, schema conformance and the personal-data scan (test/reliability/README.md):
# after e2e, because it stops and restarts this stack's Kafka. The scan reads only this run's logs.
export CWP_RELIABILITY_SINCE=$(($(date +%s) * 1000))
stage "reliability tests" jest_tier reliability --runInBand
stage "deployment manifests" jest_tier deploy --runInBand
summary
