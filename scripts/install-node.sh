#!/usr/bin/env bash
# Installs the latest Node.js of one major version (the npm package `node`, which ships the
# official binary) for the tests on the versions the README promises besides the machine's own.
# Prints the path of its `node` binary on stdout, and nothing else there; says what it did on
# stderr. Safe to run again: it does nothing when that major version is installed. The Node that
# runs `npm run bench` is never changed.
#   bash scripts/install-node.sh 22      # -> ~/.cache/memobench/node/22/node_modules/node/bin/node
set -euo pipefail

MAJOR="${1:-}"
if ! [[ "$MAJOR" =~ ^[0-9]+$ ]]; then
  echo "install-node: usage: bash scripts/install-node.sh <major version, e.g. 22>" >&2
  exit 2
fi

# Outside the checkout, so that `npm ci` (which deletes node_modules) does not throw it away.
PREFIX="${MEMOBENCH_NODE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/memobench/node}/$MAJOR"
NODE="$PREFIX/node_modules/node/bin/node"

if [ -x "$NODE" ] && [[ "$("$NODE" --version 2>/dev/null)" == "v$MAJOR."* ]]; then
  echo "install-node: Node $("$NODE" --version) is already installed in $PREFIX" >&2
  echo "$NODE"
  exit 0
fi

mkdir -p "$PREFIX"
LOG="$PREFIX/install.log"
if ! npm install --prefix "$PREFIX" --no-audit --no-fund --no-package-lock "node@$MAJOR" >"$LOG" 2>&1; then
  echo "install-node: cannot install Node $MAJOR: 'npm install node@$MAJOR' failed (no network to the npm registry?); its output is in $LOG" >&2
  exit 1
fi
if ! VERSION="$("$NODE" --version 2>>"$LOG")" || [[ "$VERSION" != "v$MAJOR."* ]]; then
  echo "install-node: cannot install Node $MAJOR: $NODE does not run as v$MAJOR.x on this machine (${VERSION:-no version}); see $LOG" >&2
  exit 1
fi
echo "install-node: installed Node $VERSION in $PREFIX" >&2
echo "$NODE"
