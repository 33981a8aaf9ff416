#!/usr/bin/env bash
# The demo, from a fresh clone: toolchain, system packages, two live federating Synapses (Lyon's
# groups on `demo-lyon`, Paris's on `demo-paris`, each named localhost:PORT with a TLS federation
# listener; kept running so the web client can be opened against them), the build, then the
# scenario of examples/server with a service for each server running in-process. Prints a report
# and writes examples/server/demo-report/index.html.
#
#   ./scripts/demo.sh            full output (the service's log lines, dimmed, then the report)
#   ./scripts/demo.sh --quiet    the scenario's steps and the report only
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bootstrap.sh
source scripts/bootstrap.sh
bash scripts/system-deps.sh
# shellcheck source=demo-activitypub.sh
source scripts/demo-activitypub.sh
# Lyon's server gives the usual variables (IMAGO_HOMESERVER_URL, ...), Paris's IMAGO_PARIS_*.
while IFS='=' read -r key value; do
  case $key in IMAGO_*) export "$key=$value" ;; esac
done < <(SYNAPSE_FEDERATION=1 bash scripts/synapse.sh start demo-lyon)
while IFS='=' read -r key value; do
  case $key in IMAGO_*) export "IMAGO_PARIS_${key#IMAGO_}=$value" ;; esac
done < <(SYNAPSE_FEDERATION=1 SYNAPSE_APPSERVICES='' bash scripts/synapse.sh start demo-paris)
echo "[demo] building the packages and the example server" >&2
pnpm turbo run build --filter @imago/example-server... --output-logs=errors-only >&2
node examples/server/dist/demo.js "$@"
echo
echo "The Synapses keep running at $IMAGO_HOMESERVER_URL (Lyon) and $IMAGO_PARIS_HOMESERVER_URL (Paris)"
echo "(stop them with: scripts/synapse.sh stop demo-lyon; scripts/synapse.sh stop demo-paris)."
echo "General assemblies with sound (LiveKit, speaking turns the media server enforces): see"
echo "docs/assemblies.md, section \"Try it\"."
echo "The ActivityPub peer keeps running at $IMAGO_AP_PEER_URL (stop it with: scripts/activitypub-peer.sh stop demo-peer)."
