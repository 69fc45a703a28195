#!/usr/bin/env bash
# Prints the python that runs schemathesis (pinned), installing it once into the cwp cache
# (~/.cache/cwp/schemathesis-<version>, a venv of its own, never system-wide). Run it as
# `"$(bash schemathesis.sh)" -m schemathesis.cli run …`.
set -euo pipefail
VERSION=4.32.5
DIR="${CWP_CACHE_DIR:-$HOME/.cache/cwp}/schemathesis-$VERSION"
if [[ ! -f $DIR/.installed ]]; then
  rm -rf "$DIR"
  python3 -m venv "$DIR" >&2
  "$DIR/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
  touch "$DIR/.installed"
fi
echo "$DIR/bin/python"
