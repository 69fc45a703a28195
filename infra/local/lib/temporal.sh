# Temporal dev server (`temporal server start-dev`): the CLI is built with `go install` (v1.5.1
# is the last tag installable that way); history lives in a SQLite file, so workflows survive a
# restart of the stack.

TEMPORAL_CLI_VERSION=1.5.1
TEMPORAL_CLI="$CACHE/temporal-cli-$TEMPORAL_CLI_VERSION/temporal"
TEMPORAL_DIR="$STATE/temporal"
TEMPORAL_LOG="$LOGS/temporal.log"
TEMPORAL_ADDRESS_VALUE="${EXTERNAL_TEMPORAL_ADDRESS:-127.0.0.1:$TEMPORAL_PORT}"
TEMPORAL_NAMESPACE_VALUE="${TEMPORAL_NAMESPACE:-default}"
if [[ -n $EXTERNAL_TEMPORAL_ADDRESS ]]; then
  TEMPORAL_UI_URL_VALUE="${TEMPORAL_UI_URL:-}"
else
  TEMPORAL_UI_URL_VALUE="http://127.0.0.1:$TEMPORAL_UI_PORT"
fi
# The search attributes the platform's workflows set and the APIs filter on.
TEMPORAL_SEARCH_ATTRIBUTES=(CwpUnitCode=Keyword CwpEntityId=Keyword CwpExpiresAt=Datetime)

temporal_install() {
  # The CLI is needed even for an external server: it registers the search attributes.
  [[ -x $TEMPORAL_CLI ]] && return 0
  need go "Go builds the Temporal CLI (go install github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION)"
  log "building the Temporal CLI $TEMPORAL_CLI_VERSION with go install into $(dirname "$TEMPORAL_CLI")"
  local tmp="$CACHE/temporal-cli-$TEMPORAL_CLI_VERSION.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # -s -w: no symbol tables; the binary shrinks by about a third and nobody debugs it here.
  GOBIN="$tmp" go install -ldflags="-s -w" "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION" >"$CACHE/go-install-temporal.log" 2>&1 ||
    die "temporal: go install failed; see $CACHE/go-install-temporal.log"
  rm -rf "$(dirname "$TEMPORAL_CLI")"
  mv "$tmp" "$(dirname "$TEMPORAL_CLI")"
}

temporal_running() { pid_alive temporal "server start-dev"; }

temporal_start() {
  mkdir -p "$LOGS" "$RUN" "$TEMPORAL_DIR"
  temporal_running && return 0
  local port
  for port in "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT" "$TEMPORAL_HTTP_PORT" "$TEMPORAL_METRICS_PORT"; do
    assert_port_free temporal "$port"
  done
  local attributes=() attribute
  for attribute in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do attributes+=(--search-attribute "$attribute"); done
  log "temporal: starting on 127.0.0.1:$TEMPORAL_PORT, UI http://127.0.0.1:$TEMPORAL_UI_PORT (log $TEMPORAL_LOG)"
  setsid "$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --http-port "$TEMPORAL_HTTP_PORT" --metrics-port "$TEMPORAL_METRICS_PORT" \
    --db-filename "$TEMPORAL_DIR/temporal.db" --namespace default --log-level warn \
    "${attributes[@]}" </dev/null >>"$TEMPORAL_LOG" 2>&1 9>&- &
  echo $! >"$RUN/temporal.pid"
}

temporal_health() {
  "$TEMPORAL_CLI" operator cluster health --address "$TEMPORAL_ADDRESS_VALUE" --command-timeout 3s
}

temporal_wait() {
  wait_until temporal "$TEMPORAL_LOG" 60 temporal_running temporal_health
}

# Idempotent: create only the attributes the namespace lacks (an external server, or a dev server
# whose SQLite file predates an attribute added to the list above).
temporal_ensure_search_attributes() {
  if [[ -n $EXTERNAL_TEMPORAL_ADDRESS ]]; then
    temporal_health >/dev/null 2>&1 || die "temporal: $EXTERNAL_TEMPORAL_ADDRESS (TEMPORAL_ADDRESS) does not answer"
  fi
  local existing attribute name type
  existing=$("$TEMPORAL_CLI" operator search-attribute list --address "$TEMPORAL_ADDRESS_VALUE" \
    --namespace "$TEMPORAL_NAMESPACE_VALUE" --output json 2>&1) ||
    die "temporal: cannot list search attributes of namespace $TEMPORAL_NAMESPACE_VALUE: $existing"
  for attribute in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    name=${attribute%%=*}
    type=${attribute#*=}
    grep -q "\"$name\"" <<<"$existing" && continue
    log "temporal: registering search attribute $name ($type)"
    "$TEMPORAL_CLI" operator search-attribute create --address "$TEMPORAL_ADDRESS_VALUE" \
      --namespace "$TEMPORAL_NAMESPACE_VALUE" --name "$name" --type "$type" >&2 ||
      die "temporal: could not register search attribute $name"
  done
}

temporal_stop() {
  [[ -n $EXTERNAL_TEMPORAL_ADDRESS ]] && return 0
  stop_pid temporal "server start-dev" 30 && log "stopped temporal"
  return 0
}

temporal_status() {
  if [[ -n $EXTERNAL_TEMPORAL_ADDRESS ]]; then
    status_line temporal "external ($EXTERNAL_TEMPORAL_ADDRESS, namespace $TEMPORAL_NAMESPACE_VALUE)"
  elif temporal_running; then
    status_line temporal "running pid $(<"$RUN/temporal.pid") on 127.0.0.1:$TEMPORAL_PORT, UI $TEMPORAL_UI_URL_VALUE, db $TEMPORAL_DIR/temporal.db"
  else
    status_line temporal "stopped (port $TEMPORAL_PORT)"
  fi
}
