#!/usr/bin/env bash
# The demo, from a fresh clone: toolchain, system packages, a live Synapse (kept running so the
# web client can be opened against it), then the scenario of examples/server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bootstrap.sh
source scripts/bootstrap.sh
bash scripts/system-deps.sh
while IFS='=' read -r key value; do
  case $key in IMAGO_*) export "$key=$value" ;; esac
done < <(bash scripts/synapse.sh start demo)
pnpm turbo run build --filter @imago/example-server... --output-logs=errors-only
pnpm --filter @imago/example-server demo
echo
echo "Synapse keeps running at $IMAGO_HOMESERVER_URL (stop it with: scripts/synapse.sh stop demo)."
