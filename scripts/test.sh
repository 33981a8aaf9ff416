#!/usr/bin/env bash
# The whole test suite, from a fresh clone: toolchain, system packages, a live Synapse, then
# build, typecheck, lint, API docs and every package's tests (unit, interop with belenios-tool,
# integration on Synapse and LiveKit, browser end-to-end in Chromium). livekit-server is built
# from the Go module proxy once into .cache, in the background while the TypeScript builds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$(($(date +%s) - started))" >&2; }

step "toolchain"
# shellcheck source=bootstrap.sh
source scripts/bootstrap.sh
bash scripts/system-deps.sh
# The independent ActivityPub server of @imago/activitypub's tests (a venv under .cache).
bash scripts/activitypub-peer.sh install

step "LiveKit (building in the background when not cached)"
mkdir -p .cache
bash scripts/livekit.sh install >.cache/livekit-install.log 2>&1 &
livekit_install=$!

step "Synapse"
instance="test-suite"
while IFS='=' read -r key value; do
  case $key in IMAGO_*) export "$key=$value" ;; esac
done < <(bash scripts/synapse.sh start "$instance")
trap 'bash scripts/synapse.sh reset "$instance" >/dev/null 2>&1 || true' EXIT

step "build"
pnpm turbo run build --output-logs=errors-only

step "typecheck, lint, docs"
pnpm turbo run typecheck lint --output-logs=errors-only --concurrency=2
pnpm biome check .
pnpm typedoc --logLevel Warn
bash scripts/check-self-contained.sh

step "LiveKit"
wait "$livekit_install" || { cat .cache/livekit-install.log >&2; exit 1; }

step "tests"
rm -rf packages/*/test-artifacts examples/*/test-artifacts
set +e
pnpm turbo run test --continue --concurrency=2 --output-logs=full -- \
  --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json
status=$?
set -e

step "summary"
node scripts/test-summary.mjs || status=1
exit $status
