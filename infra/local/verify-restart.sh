#!/usr/bin/env bash
# Proves restart safety on a throw-away stack (its own state folder and ports, so a running
# developer stack is untouched): up, write a row / a Kafka record / a running workflow, stop, up,
# check all three are still there, stop. Prints the timings of both `up`s.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CWP_STATE_DIR="${CWP_STATE_DIR:-$(mktemp -d /var/tmp/cwp-verify-restart.XXXXXX)}"
export CWP_PORT_OFFSET="${CWP_PORT_OFFSET:-200}"
chmod 755 "$CWP_STATE_DIR"
token="probe-$RANDOM$RANDOM"
trap 'bash "$HERE/stack.sh" stop' EXIT

timed_up() {
  local started
  started=$(date +%s%N)
  bash "$HERE/stack.sh" up
  echo "verify: $1 up took $((($(date +%s%N) - started) / 1000000)) ms"
}

timed_up "first (empty state)"
(set -a && source "$CWP_STATE_DIR/stack.env" && node "$HERE/lib/restart-probe.js" write "$token")
bash "$HERE/stack.sh" stop
timed_up "second (after stop)"
(set -a && source "$CWP_STATE_DIR/stack.env" && node "$HERE/lib/restart-probe.js" check "$token")
echo "verify: restart kept every piece of data (state $CWP_STATE_DIR)"
