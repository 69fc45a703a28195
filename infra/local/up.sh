#!/usr/bin/env bash
# `npm run up`: the whole platform on this machine. Servers (stack.sh up) beside a build, the
# Temporal workflow bundles beside the seed data and the demo city's synthetic workers (first start
# only, seeds/demo), then every app with a `start` script in the background, each on its port from
# ports.json, until its GET /ready answers 200; then each service's demo state through its own API,
# side by side; ends with a short tour. `npm run down` stops apps and servers.
#
#   npm run up [-- --no-demo]     --no-demo (or CWP_DEMO=0): no demo city
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"
# shellcheck source=lib/node-deps.sh
source "$HERE/lib/node-deps.sh"
cd "$ROOT"

APP_READY_SECONDS="${CWP_APP_READY_SECONDS:-120}"
DEMO="${CWP_DEMO:-1}"
# up (the default), demo-states (the background job that loads them) or tour (prints it again).
MODE=up
# The ids the tour prints: the district and worker written by the demo city's seed, the reserve
# entry added once the talent pool's demo entries are in.
DEMO_TOUR_FILE="$STATE/demo-tour.env"
# Written when every demo state has loaded for this state folder: later `up`s skip the demo.
DEMO_DONE_FILE="$STATE/demo-done"

CURRENT_STEP="start"
step() {
  CURRENT_STEP=$*
  echo "==> $* (at ${SECONDS} s)"
}
# Name the step that failed: the last lines of a tsc or npm error rarely say which step it was.
report_failure() {
  local status=$?
  ((status == 0)) || echo "up: FAILED during: $CURRENT_STEP (exit $status)" >&2
}
trap report_failure EXIT

# The workspace folders (package.json order) whose package.json has script $1.
workspaces_with_script() {
  node -e '
    const fs = require("node:fs"), path = require("node:path");
    const [root, script] = process.argv.slice(1);
    for (const pattern of require(path.join(root, "package.json")).workspaces) {
      const dirs = pattern.endsWith("/*")
        ? fs.readdirSync(path.join(root, pattern.slice(0, -2))).sort().map((d) => `${pattern.slice(0, -2)}/${d}`)
        : [pattern];
      for (const dir of dirs) {
        const file = path.join(root, dir, "package.json");
        if (fs.existsSync(file) && JSON.parse(fs.readFileSync(file, "utf8")).scripts?.[script]) console.log(dir);
      }
    }
  ' "$ROOT" "$1"
}

# Apps are the folders of apps/ whose package.json has a start script; prints "dir port" lines.
list_apps() {
  node -e '
    const fs = require("node:fs"), path = require("node:path");
    const [root, portsFile, offset] = process.argv.slice(1);
    const services = require(portsFile).services;
    const appsDir = path.join(root, "apps");
    if (!fs.existsSync(appsDir)) process.exit(0);
    for (const dir of fs.readdirSync(appsDir).sort()) {
      const file = path.join(appsDir, dir, "package.json");
      if (!fs.existsSync(file) || !JSON.parse(fs.readFileSync(file, "utf8")).scripts?.start) continue;
      if (services[dir] === undefined) { console.error(`up: apps/${dir} has no port in infra/local/ports.json (services.${dir}); skipped`); continue; }
      console.log(dir, services[dir] + Number(offset));
    }
  ' "$ROOT" "$HERE/ports.json" "$PORT_OFFSET"
}

start_app() {
  local app=$1 port=$2
  local logfile="$LOGS/$app.log"
  if app_alive "$app"; then
    echo "    $app already running (pid $(<"$RUN/app-$app.pid"))"
    return 0
  fi
  assert_port_free "$app" "$port"
  echo "    starting $app on :$port (log $logfile)"
  # Own session (setsid) so `npm run down` can stop npm, its shell and node as one group. The
  # servers' addresses come from stack.env, exported into the app's environment.
  (
    set -a
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    set +a
    export PORT=$port SERVICE_NAME=$app
    exec setsid npm run --silent start -w "apps/$app" </dev/null >>"$logfile" 2>&1
  ) &
  echo $! >"$RUN/app-$app.pid"
}

wait_app() {
  local app=$1 port=$2
  local logfile="$LOGS/$app.log" deadline=$((SECONDS + APP_READY_SECONDS))
  until node "$HERE/lib/probe.js" http-ok "http://127.0.0.1:$port/ready" >/dev/null 2>&1; do
    if ! app_alive "$app"; then
      echo "up: ERROR: $app exited while starting. Last lines of $logfile:" >&2
      tail -n 40 "$logfile" >&2
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "up: ERROR: $app: GET http://127.0.0.1:$port/ready did not answer 200 within $APP_READY_SECONDS s. Last lines of $logfile:" >&2
      tail -n 40 "$logfile" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# True when every app's workflow bundle (dist/workflow-bundle.js) is newer than everything it is
# made of: the compiled workflow packages and libs, and node_modules. webpack takes 5-40 s a bundle.
bundles_current() {
  local dir bundle newer
  for dir in $(workspaces_with_script build:bundle); do
    bundle="$dir/dist/workflow-bundle.js"
    [[ -f $bundle ]] || return 1
    newer=$(find workflows/*/dist libs/*/dist node_modules/.package-lock.json -newer "$bundle" -print -quit 2>/dev/null)
    [[ -z $newer ]] || return 1
  done
}

fail_step() {
  echo "up: ERROR: $*" >&2
  exit 1
}

# Every app's workflow bundle, two webpack processes at a time (the machine has two cores); each
# bundle's webpack output goes to its own log, and a failed one is shown.
build_bundles() {
  workspaces_with_script build:bundle | xargs -P 2 -I{} bash -c '
    log="$1/bundle-$(basename "$2").log"
    if npm run --silent build:bundle -w "$2" >"$log" 2>&1; then grep "^Workflow bundle" "$log"; else
      echo "up: ERROR: the workflow bundle of $2 failed; last lines of $log:" >&2; tail -n 30 "$log" >&2; exit 1; fi
  ' _ "$LOGS" {}
}

# Each workspace's seed (its schema's migrations and seed rows) side by side: each has its own schema.
seed_services() {
  local dir pids=() pid failed=0
  for dir in $(workspaces_with_script seed); do
    (
      set -a
      # shellcheck disable=SC1090
      source "$ENV_FILE"
      set +a
      # An app's seed reads the same typed config as the app, which needs to know its service.
      if [[ $dir == apps/* ]]; then export SERVICE_NAME=${dir#apps/}; fi
      npm run --silent seed -w "$dir"
    ) &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  ((failed == 0)) || fail_step "a seed failed (its lines above)"
}

parse_args() {
  local arg
  for arg in "$@"; do
    case $arg in
      --no-demo) DEMO=0 ;;
      --demo-states) MODE=demo-states ;;
      --tour) MODE=tour ;;
      *)
        echo "usage: npm run up [-- --no-demo]; npm run tour   (unknown argument: $arg)" >&2
        exit 2
        ;;
    esac
  done
}

# The demo city (seeds/demo): once per state folder; the seed itself is idempotent too. Its
# workforce is COPY-loaded before the apps start; its reserve entries are registered through the
# talent pool's API once the apps answer /ready (register_demo_entries).
demo_pending() {
  [[ $DEMO != 0 && ! -f $DEMO_DONE_FILE ]]
}

seed_demo_city() {
  if [[ $DEMO == 0 ]]; then
    step "demo city: skipped (--no-demo / CWP_DEMO=0)"
    return 0
  fi
  if [[ -f $DEMO_DONE_FILE ]]; then
    step "demo city: already seeded for $STATE"
    return 0
  fi
  step "demo city: synthetic workers (--no-demo skips it)"
  (
    set -a
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    set +a
    npm run --silent ts -- seeds/demo/seed-demo-city.cli.ts
  )
}

# One service's demo state through its API (after the apps answer /ready), its lines prefixed with
# the service's name: `demo_service <app> <URL variable> <cli> <what>`; skipped when the app is absent.
demo_service() {
  local apps=$1 app=$2 url_var=$3 cli=$4 what=$5 port
  port=$(awk -v app="$app" '$1 == app { print $2 }' <<<"$apps")
  if [[ -z $port ]]; then
    step "demo city: $app skipped (no $app app)"
    return 0
  fi
  step "demo city: $what"
  (
    set -a
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    set +a
    export "$url_var=http://127.0.0.1:$port"
    npm run --silent ts -- "$cli" 2>&1 | sed -u "s/^/  [$app] /"
    exit "${PIPESTATUS[0]}"
  )
}

# After the apps are ready: each service's demo state through its own API, all side by side (each
# its own schema and workflows; most of the time is spent waiting on the services' workflows, so they
# take about as long as the slowest). When all have loaded, the demo is done for this state folder;
# if one failed, the next `npm run up` tries again (every demo step is idempotent).
register_demo_entries() {
  local apps=$1 pids=() pid failed=0
  demo_service "$apps" appraisal APPRAISAL_URL seeds/demo/appraisal-demo.cli.ts \
    "appraisal records, last year's results, this year's cycle through the appraisal API" &
  pids+=($!)
  demo_service "$apps" payroll PAYROLL_URL seeds/demo/payroll-demo.cli.ts \
    "pay projection, the year's recalibration applied and this month's pay run through the payroll API" &
  pids+=($!)
  demo_service "$apps" training TRAINING_URL seeds/demo/training-demo.cli.ts \
    "training roster, library, classes, this year's hours, four ones; the compliance run through the training API" &
  pids+=($!)
  demo_service "$apps" webhooks WEBHOOKS_URL seeds/demo/webhooks-demo.cli.ts \
    "a webhook subscription for a local HR sink (seeds/demo/webhook-sink.cli.ts shows the deliveries)" &
  pids+=($!)
  demo_service "$apps" recruitment RECRUITMENT_URL seeds/demo/recruitment-demo.cli.ts \
    "a recruitment campaign of 黄浦区 in its pre-exam internship, through the recruitment API" &
  pids+=($!)
  demo_service "$apps" talent-pool TALENT_POOL_URL seeds/demo/register-demo-entries.cli.ts \
    "synthetic reserve entries, through the talent pool's API" &
  pids+=($!)
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  if [[ $failed == 1 ]]; then
    step "demo city: a service's demo state failed (its lines above); the next npm run up tries again"
    return 1
  fi
  touch "$DEMO_DONE_FILE"
}

# The services' demo states keep the machine's two cores busy for a minute or two, mostly waiting
# on their own workflows: they load in the background once the platform answers, so it is usable
# at once (the tour's first two commands work on the demo workforce loaded before the apps). The
# job runs in its own session, so `npm run down` stops it like an app.
load_demo_states_in_background() {
  local log="$LOGS/demo.log"
  step "demo city: each service's demo state, side by side, in the background (progress: tail -f $log)"
  (exec setsid bash "$HERE/up.sh" --demo-states </dev/null >>"$log" 2>&1) &
  echo $! >"$RUN/app-demo.pid"
}

# `up.sh --demo-states`, started by load_demo_states_in_background.
run_demo_states() {
  local started=$SECONDS
  if register_demo_entries "$(list_apps)"; then
    step "demo city: every demo state loaded in $((SECONDS - started)) s; npm run tour prints the tour with all its ids"
  else
    return 1
  fi
}

main() {
  parse_args "$@"
  case $MODE in
    demo-states) run_demo_states; return ;;
    tour) print_tour "$(list_apps)"; return ;;
  esac
  local started=$SECONDS
  # The platform needs no time-skipping test server (only the workflow tests do).
  export CWP_INSTALL_TEST_SERVER=0
  step "npm ci and the servers' downloads side by side (each only when missing)"
  local prefetch
  bash "$HERE/stack.sh" prefetch &
  prefetch=$!
  ensure_node_modules
  wait "$prefetch"
  # The servers start while tsc builds (neither needs the other), and the workflow bundles build
  # while the seeds and the demo city load (the bundles need only the build; the seeds only the
  # servers): on a fresh machine these overlaps save about a third of the time before the apps.
  step "servers, and the build (tsc -b of the apps and what they import) side by side"
  local servers
  bash "$HERE/stack.sh" up &
  servers=$!
  # Only what runs: each app's emitting project and, through its references, the libs and workflow
  # packages it imports. Specs, benchmarks and seeds are type-checked by `npm test`.
  local build_projects=() app_dir
  for app_dir in $(workspaces_with_script start); do build_projects+=("$app_dir/tsconfig.build.json"); done
  npx tsc -b "${build_projects[@]}"
  local bundles=""
  if bundles_current; then
    step "Temporal workflow bundles: current (nothing they are made of changed)"
  else
    step "Temporal workflow bundles, two at a time, while the seeds load (logs: $LOGS/bundle-*.log)"
    build_bundles &
    bundles=$!
  fi
  wait "$servers" || fail_step "the servers did not start (their lines above)"
  step "seed data"
  seed_services
  # Decided once: seed_demo_city runs before the apps, register_demo_entries after them.
  local demo_now=0
  if demo_pending; then demo_now=1; fi
  seed_demo_city
  if [[ -n $bundles ]]; then
    wait "$bundles" || fail_step "a workflow bundle did not build (its log above)"
  fi

  local apps
  apps=$(list_apps)
  if [[ -z $apps ]]; then
    step "apps: none has a start script yet; only the servers run"
  else
    step "apps"
    local app port
    while read -r app port; do start_app "$app" "$port"; done <<<"$apps"
    while read -r app port; do wait_app "$app" "$port"; done <<<"$apps"
    if [[ $demo_now == 1 ]]; then load_demo_states_in_background; fi
  fi
  print_where "$apps"
  print_tour "$apps"
  echo "ready in $((SECONDS - started)) s"
}

# Three commands that show the demo city, with real ids from the seed; they work when pasted
# (in a shell at the repository root: the token CLI reads this state folder's signing key).
print_tour() {
  local apps=$1 workforce_port
  [[ -f $DEMO_TOUR_FILE ]] || return 0
  workforce_port=$(awk '$1 == "workforce" { print $2 }' <<<"$apps")
  [[ -n $workforce_port ]] || return 0
  local DEMO_DISTRICT="" DEMO_WORKER_ID="" DEMO_ENTRY_ID=""
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  # shellcheck disable=SC1090
  source "$DEMO_TOUR_FILE"
  # The talent pool starts each entry's workflow after its registration commits (its reconciler
  # retries any it could not): give the one the tour shows a bounded wait, so the third command finds it.
  local workflow_url="${TEMPORAL_UI_URL:-}/api/v1/namespaces/${TEMPORAL_NAMESPACE:-default}/workflows/talent-pool-entry:$DEMO_ENTRY_ID"
  if [[ -n $DEMO_ENTRY_ID && -n ${TEMPORAL_UI_URL:-} ]]; then
    local deadline=$((SECONDS + 90))
    until node "$HERE/lib/probe.js" http-ok "$workflow_url" >/dev/null 2>&1 || ((SECONDS >= deadline)); do sleep 1; done
  fi
  local state_env=""
  [[ -n ${CWP_STATE_DIR:-} ]] && state_env="CWP_STATE_DIR=$STATE "
  echo
  echo "A short tour of the demo city (synthetic data; paste at $ROOT):"
  echo "  TOKEN=\$(${state_env}npm run -s token -- --role district --unit $DEMO_DISTRICT)"
  echo "  # 1. the district's staffing report (QUOTA-6): headcount, vacancies, turnover, titles, ages"
  echo "  curl -s -H \"Authorization: Bearer \$TOKEN\" http://127.0.0.1:$workforce_port/api/workforce/units/$DEMO_DISTRICT/report | jq '{unitCode, from, to, total}'"
  if [[ -n $DEMO_WORKER_ID ]]; then
    echo "  # 2. a worker who left, and why (rule IDs, inputs, steps)"
    echo "  curl -s -H \"Authorization: Bearer \$TOKEN\" http://127.0.0.1:$workforce_port/api/workforce/workers/$DEMO_WORKER_ID | jq '{name, unitCode, status, exitedOn, exitCause, exitExplanation}'"
  fi
  if [[ -n $DEMO_ENTRY_ID && -n ${TEMPORAL_UI_URL:-} ]]; then
    echo "  # 3. the reserve entry expiring soonest: its workflow, running in Temporal (open it in the UI: $TEMPORAL_UI_URL/namespaces/$TEMPORAL_NAMESPACE/workflows/talent-pool-entry:$DEMO_ENTRY_ID)"
    echo "  curl -s $workflow_url | jq '.workflowExecutionInfo | {status, startTime, searchAttributes: .searchAttributes.indexedFields | keys}'"
  elif [[ -n ${TEMPORAL_UI_URL:-} ]]; then
    echo "  # 3. a reserve entry's workflow, running in Temporal: its id comes with the demo states loading now"
    echo "  #    (tail -f $LOGS/demo.log); then npm run tour prints this tour again with it"
  fi
}

print_where() {
  local apps=$1 app port
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  echo
  echo "Community-workforce platform is up."
  if [[ -n $apps ]]; then
    while read -r app port; do
      printf '  %-12s API http://127.0.0.1:%s   Swagger UI http://127.0.0.1:%s/docs   log %s\n' \
        "$app" "$port" "$port" "$LOGS/$app.log"
    done <<<"$apps"
  fi
  echo "  Temporal UI  ${TEMPORAL_UI_URL:-} (gRPC $TEMPORAL_ADDRESS, namespace $TEMPORAL_NAMESPACE)"
  echo "  Kafka        $KAFKA_BROKERS"
  echo "  PostgreSQL   $DATABASE_URL"
  echo "  Addresses    $ENV_FILE (bash infra/local/stack.sh env)"
  echo "  Token        npm run token -- --role city --unit 31"
  echo "  Stop         npm run down   (stops the apps and the servers; data stays in $STATE)"
}

main "$@"
