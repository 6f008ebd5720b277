#!/usr/bin/env bash
# `npm run mutate [-- <module> ...]`: mutation testing of the CI gate's statistics modules with
# StrykerJS 10 (scripts/stryker.config.mjs lists the modules and their tests), one module after
# another, one mutant at a time; each fails (exit 1) below a mutation score of 90%. Without
# arguments, every module. StrykerJS 10 needs Node 22 or later: this script installs Node 22
# (scripts/install-node.sh) and StrykerJS into the same cache, outside the checkout and its
# lockfile, so that `npm ci` on Node 20 never meets a package that refuses it. The reports are in
# results/mutation/<module>.json.
#   npm run mutate -- checks/sequential.ts
set -euo pipefail

STRYKER_VERSION=10.1.1
NODE22="$(bash scripts/install-node.sh 22)"
export PATH="$(dirname "$NODE22"):$PATH"

PREFIX="${MEMOBENCH_STRYKER_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/memobench/stryker}/$STRYKER_VERSION"
STRYKER="$PREFIX/node_modules/.bin/stryker"
# StrykerJS rewrites tsconfig.json in its sandbox with the typescript package, which it does not bring.
if ! [ -x "$STRYKER" ] || ! [ -d "$PREFIX/node_modules/typescript" ]; then
  mkdir -p "$PREFIX"
  if ! npm install --prefix "$PREFIX" --no-audit --no-fund --no-package-lock \
    "@stryker-mutator/core@$STRYKER_VERSION" typescript@~5.9.3 >"$PREFIX/install.log" 2>&1; then
    echo "mutate: cannot install StrykerJS $STRYKER_VERSION (no network to the npm registry?); see $PREFIX/install.log" >&2
    exit 1
  fi
fi

if [ "$#" -eq 0 ]; then
  mapfile -t modules < <(node --input-type=module -e \
    "process.env.MEMOBENCH_MUTATE = 'checks/paired-run.ts'; const { TARGETS } = await import('./scripts/stryker.config.mjs'); console.log(Object.keys(TARGETS).join('\n'))")
else
  modules=("$@")
fi

status=0
for module in "${modules[@]}"; do
  echo "== mutate $module (StrykerJS $STRYKER_VERSION on Node $(node --version))" >&2
  MEMOBENCH_MUTATE="$module" "$STRYKER" run scripts/stryker.config.mjs || status=1
done
exit "$status"
