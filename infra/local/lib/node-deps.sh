# ensure_node_modules: install when node_modules is missing or older than package-lock.json
# (sourced by test-all.sh and up.sh; expects ROOT). Other engineers may be installing into the same
# checkout, so the install holds the shared npm lock.
#
# `npm ci` first. On machines whose registry serves only this platform's optional binaries (swc,
# unrs for darwin/win32 answer 404), the lock file cannot list them and `npm ci` refuses it as "out
# of sync"; then `npm install --no-save` installs the same locked versions without rewriting
# package.json or package-lock.json.
ensure_node_modules() {
  local marker="$ROOT/node_modules/.package-lock.json"
  if [[ -f $marker && ! $ROOT/package-lock.json -nt $marker ]]; then return 0; fi
  echo "==> installing node_modules (missing or older than package-lock.json)"
  local lock=()
  command -v flock >/dev/null 2>&1 && lock=(flock /tmp/cwp-npm.lock)
  local ci_log
  ci_log=$(mktemp)
  if (cd "$ROOT" && "${lock[@]}" npm ci --no-audit --no-fund >"$ci_log" 2>&1); then
    rm -f "$ci_log"
    return 0
  fi
  if grep -q 'in sync' "$ci_log"; then
    echo "    npm ci: lock file lacks other platforms' optional packages; npm install --no-save instead"
    rm -f "$ci_log"
    (cd "$ROOT" && "${lock[@]}" npm install --no-save --no-audit --no-fund)
  else
    tail -n 30 "$ci_log" >&2
    rm -f "$ci_log"
    return 1
  fi
}
