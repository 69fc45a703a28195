# Shared settings and helpers of the local stack scripts (sourced; expects HERE and ROOT).
# shellcheck disable=SC2034 # the settings below are used by the scripts that source this file

CACHE="${CWP_CACHE_DIR:-$HOME/.cache/cwp}"
STATE="${CWP_STATE_DIR:-$ROOT/.state}"
LOGS="$STATE/logs"
RUN="$STATE/run"
ENV_FILE="$STATE/stack.env"
PORT_OFFSET="${CWP_PORT_OFFSET:-0}"

[[ $PORT_OFFSET =~ ^[0-9]+$ ]] || { echo "stack: CWP_PORT_OFFSET must be a number, got '$PORT_OFFSET'" >&2; exit 2; }
[[ $STATE = /* ]] || STATE="$(pwd)/$STATE"

# Remember what the caller pointed us at before anything here sets these names.
EXTERNAL_DATABASE_URL="${DATABASE_URL:-}"
EXTERNAL_KAFKA_BROKERS="${KAFKA_BROKERS:-}"
EXTERNAL_TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-}"

log() { echo "stack: $*" >&2; }
die() {
  echo "stack: ERROR: $*" >&2
  exit 1
}

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed: $2"; }

# ports.json is the one place ports are written down; the offset moves them all at once.
read_ports() {
  need node "Node 20 runs the probes (and the platform)"
  eval "$(node -e '
    const p = require(process.argv[1]); const o = Number(process.argv[2]);
    console.log(`PG_PORT=${p.postgres + o} KAFKA_PORT=${p.kafka + o} KAFKA_CONTROLLER_PORT=${p.kafkaController + o} TEMPORAL_PORT=${p.temporal + o} TEMPORAL_UI_PORT=${p.temporalUi + o}`);
  ' "$HERE/ports.json" "$PORT_OFFSET")"
  # Not in ports.json: start-dev would pick random free ports for these, which could land on a
  # port another server of this stack is about to take.
  TEMPORAL_HTTP_PORT=$((TEMPORAL_PORT + 1))
  TEMPORAL_METRICS_PORT=$((TEMPORAL_PORT + 2))
}
read_ports

# A shell that sourced stack.env has these variables set to this very stack's addresses: that is
# not "someone else's server", so it must not stop stack.sh from starting (or stopping) ours.
[[ $EXTERNAL_DATABASE_URL == "postgres://cwp:cwp@127.0.0.1:$PG_PORT/cwp" ]] && EXTERNAL_DATABASE_URL=""
[[ $EXTERNAL_KAFKA_BROKERS == "127.0.0.1:$KAFKA_PORT" ]] && EXTERNAL_KAFKA_BROKERS=""
[[ $EXTERNAL_TEMPORAL_ADDRESS == "127.0.0.1:$TEMPORAL_PORT" ]] && EXTERNAL_TEMPORAL_ADDRESS=""

# One stack.sh at a time per state folder: two engineers running `up` at once must not both
# start a postmaster on the same data. Servers are started with `9>&-` so they do not inherit it.
hold_stack_lock() {
  mkdir -p "$RUN"
  exec 9>"$RUN/stack.lock"
  if ! flock -w 120 9; then die "another stack.sh has held $RUN/stack.lock for 120 s"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_alive NAME: the pid file exists and that process still runs the expected program (a pid
# reused by an unrelated process after a reboot must not count as our server).
pid_alive() {
  local name=$1 pattern=$2 pid
  [[ -f $RUN/$name.pid ]] || return 1
  pid=$(<"$RUN/$name.pid")
  [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$pattern"
}

# A port taken by a process we did not start: fail now with a clear message rather than start a
# second server that cannot bind, or worse, talk to someone else's.
assert_port_free() {
  local server=$1 port=$2
  if port_open "$port"; then
    die "$server: port $port is already in use by a process this state folder ($STATE) did not start.
  Stop that process, or move this stack with CWP_PORT_OFFSET=<n> (every port + n),
  or point at that server with the matching variable (DATABASE_URL / KAFKA_BROKERS / TEMPORAL_ADDRESS)."
  fi
  # The stack's ports lie in Linux's ephemeral range (32768-60999): while a server is down, any
  # outgoing connection on the machine may be given its port as local port, and even after that
  # connection closes, its TIME-WAIT (60 s) blocks a listener's bind. So try the bind itself (as
  # the servers do, with SO_REUSEADDR) and wait that out, bounded. reserve_ports below keeps new
  # connections away from these ports.
  local deadline=$((SECONDS + 70)) said=0 why
  until why=$(node "$HERE/lib/probe.js" can-bind "$port" 2>&1); do
    if ((said == 0)); then
      log "$server: port $port cannot be bound yet ($why); waiting up to 70 s"
      said=1
    fi
    if ((SECONDS >= deadline)); then
      die "$server: port $port cannot be bound: $why
  $(ss -Htan exclude listening "( sport = :$port )" 2>/dev/null | head -n 3)
  A client connection may hold it as its kernel-chosen local port; retry in a minute, or move this
  stack with CWP_PORT_OFFSET=<n>."
    fi
    sleep 1
  done
}

# Tell the kernel not to hand the stack's ports out as ephemeral ports (root only; a runtime
# setting of this network namespace, lost at reboot; the existing reservations are kept).
reserve_ports() {
  local file=/proc/sys/net/ipv4/ip_local_reserved_ports current
  [[ $(id -u) == 0 && -w $file ]] || return 0
  current=$(<"$file")
  local ports="$PG_PORT,$KAFKA_PORT,$KAFKA_CONTROLLER_PORT,$TEMPORAL_PORT,$TEMPORAL_UI_PORT,$TEMPORAL_HTTP_PORT,$TEMPORAL_METRICS_PORT,$((TEMPORAL_PORT + 3))"
  echo "${current:+$current,}$ports" >"$file" 2>/dev/null || true
}

# wait_until SERVER LOGFILE SECONDS ALIVE PROBE...: poll PROBE every 0.25 s up to SECONDS; stop
# early when the function ALIVE says the server process has died (no point waiting for a corpse).
wait_until() {
  local server=$1 logfile=$2 limit=$3 alive=$4
  shift 4
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if ! "$alive"; then
      echo "stack: ERROR: $server exited while starting. Last lines of $logfile:" >&2
      tail -n 30 "$logfile" >&2 2>/dev/null || true
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "stack: ERROR: $server did not answer within ${limit} s. Last lines of $logfile:" >&2
      tail -n 30 "$logfile" >&2 2>/dev/null || true
      exit 1
    fi
    sleep 0.25
  done
}

# stop_pid NAME PATTERN SECONDS: TERM, wait, then KILL; removes the pid file.
stop_pid() {
  local name=$1 pattern=$2 limit=$3 pid deadline
  if ! pid_alive "$name" "$pattern"; then
    rm -f "$RUN/$name.pid"
    return 1
  fi
  pid=$(<"$RUN/$name.pid")
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + limit))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "$name did not stop within ${limit} s; killing pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$RUN/$name.pid"
  return 0
}

# Apps started by up.sh run in their own session (setsid); $RUN/app-<name>.pid holds the session
# leader's pid. Alive = that pid still leads its session (a reused pid would not).
app_alive() {
  local pid
  [[ -f $RUN/app-$1.pid ]] || return 1
  pid=$(<"$RUN/app-$1.pid")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && [[ $(ps -o sid= -p "$pid" | tr -d ' ') == "$pid" ]]
}

# Stops the whole process group (npm, the shell it spawns, node), TERM first, KILL after 20 s.
stop_app() {
  local name=$1 pid deadline
  if app_alive "$name"; then
    pid=$(<"$RUN/app-$name.pid")
    kill -TERM -- "-$pid" 2>/dev/null || true
    deadline=$((SECONDS + 20))
    while kill -0 -- "-$pid" 2>/dev/null; do
      if ((SECONDS >= deadline)); then
        log "$name did not stop within 20 s; killing its process group $pid"
        kill -KILL -- "-$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
    log "stopped $name"
  fi
  rm -f "$RUN/app-$name.pid"
}

# `npm run down` stops the apps too: they hold connections to every server.
stop_apps() {
  local file name
  for file in "$RUN"/app-*.pid; do
    [[ -e $file ]] || continue
    name=$(basename "$file" .pid)
    stop_app "${name#app-}"
  done
  return 0
}

status_line() { printf '%-11s %s\n' "$1:" "$2"; }
