# ensure_node_modules: `npm ci` when node_modules is missing or older than package-lock.json
# (sourced by test-all.sh and up.sh; expects ROOT). Other engineers may be installing into the same
# checkout, so the install holds the shared npm lock.
#
# The lock lists every platform's optional native packages (see lib/complete-lockfile.js), so a
# clean `npm ci` works on a fresh machine exactly as a user would run it.
ensure_node_modules() {
  local marker="$ROOT/node_modules/.package-lock.json"
  if [[ -f $marker && ! $ROOT/package-lock.json -nt $marker ]]; then return 0; fi
  echo "==> npm ci (node_modules missing or older than package-lock.json)"
  local lock=()
  command -v flock >/dev/null 2>&1 && lock=(flock /tmp/cwp-npm.lock)
  (cd "$ROOT" && "${lock[@]}" npm ci --no-audit --no-fund)
}
