#!/usr/bin/env bash
# tools.sh: installs, once, into the cache (~/.cache/cwp, or CWP_CACHE_DIR) the tools that validate
# the cluster deployment, each from a package registry by name and pinned, and prints their paths as
# shell assignments (HELM=… PYTHON=… COMPOSE_SCHEMA=…):
#   - helm 3.22.0, built from its Go module (there is no helm on PyPI or npm; the Go module proxy
#     is the registry that carries it);
#   - kubernetes-validate 1.37.0 from PyPI (its wheel carries the Kubernetes API JSON Schemas, so
#     nothing is downloaded at validation time), in a private venv, its wheel's sha256 checked;
#   - the Compose specification's JSON Schema, from the Go module of the reference parser
#     (github.com/compose-spec/compose-go/v2, schema/compose-spec.json), its module hash checked
#     by the Go toolchain against the checksum database.
set -euo pipefail

CACHE="${CWP_CACHE_DIR:-$HOME/.cache/cwp}"
HELM_VERSION=3.22.0
KV_VERSION=1.37.0
KV_SHA256=85136d018a27b50ec7fc049d902bfa5193f5976807e6c0f408e3ab6fe078cad9
COMPOSE_GO_VERSION=2.16.2

HELM="$CACHE/helm-$HELM_VERSION/helm"
VENV="$CACHE/kubernetes-validate-$KV_VERSION"
PYTHON="$VENV/bin/python"
COMPOSE_SCHEMA="$CACHE/compose-spec-$COMPOSE_GO_VERSION/compose-spec.json"

log() { echo "deploy-tools: $*" >&2; }
mkdir -p "$CACHE"
exec 8>"$CACHE/deploy-tools.lock"
flock -w 900 8

if [[ ! -x $PYTHON ]] || ! "$PYTHON" -c 'import kubernetes_validate' 2>/dev/null; then
  log "installing kubernetes-validate $KV_VERSION from PyPI into $VENV (once)"
  tmp="$VENV.tmp"
  rm -rf "$tmp"
  python3 -m venv "$tmp"
  mkdir -p "$tmp/wheels"
  "$tmp/bin/pip" download --quiet --no-deps --only-binary=:all: -d "$tmp/wheels" "kubernetes-validate==$KV_VERSION"
  wheel=$(ls "$tmp"/wheels/kubernetes_validate-"$KV_VERSION"-*.whl)
  echo "$KV_SHA256  $wheel" | sha256sum -c --quiet - || { log "kubernetes-validate wheel hash mismatch"; exit 1; }
  "$tmp/bin/pip" install --quiet "$wheel"
  rm -rf "$VENV" && mv "$tmp" "$VENV"
  # The venv's scripts hold its old path; the interpreter does not care, and we only call python.
fi

if [[ ! -s $COMPOSE_SCHEMA ]]; then
  log "fetching the Compose specification schema (compose-go v$COMPOSE_GO_VERSION) from the Go module proxy (once)"
  work=$(mktemp -d)
  dir=$(cd "$work" && GOMODCACHE="$work/mod" GOFLAGS=-mod=mod GOTOOLCHAIN=local go mod download -json "github.com/compose-spec/compose-go/v2@v$COMPOSE_GO_VERSION" |
    "${PYTHON}" -c 'import json,sys; print(json.load(sys.stdin).get("Dir",""))')
  [[ -s $dir/schema/compose-spec.json ]] || { log "compose-spec.json not found in the module"; exit 1; }
  mkdir -p "$(dirname "$COMPOSE_SCHEMA")"
  cp "$dir/schema/compose-spec.json" "$COMPOSE_SCHEMA.tmp" && mv "$COMPOSE_SCHEMA.tmp" "$COMPOSE_SCHEMA"
  chmod -R u+w "$work" && rm -rf "$work"
fi

if [[ ! -x $HELM ]]; then
  command -v go >/dev/null || { log "Go is needed to build helm $HELM_VERSION"; exit 1; }
  log "building helm $HELM_VERSION from its Go module (once; a few minutes)"
  tmp="$CACHE/helm-$HELM_VERSION.tmp"
  rm -rf "$tmp" && mkdir -p "$tmp"
  GOBIN="$tmp" GOFLAGS=-mod=mod go install -ldflags="-s -w" "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION" >"$CACHE/helm-install.log" 2>&1 ||
    { log "go install helm failed; see $CACHE/helm-install.log"; exit 1; }
  rm -rf "$(dirname "$HELM")" && mv "$tmp" "$(dirname "$HELM")"
fi

echo "HELM=$HELM PYTHON=$PYTHON COMPOSE_SCHEMA=$COMPOSE_SCHEMA"
