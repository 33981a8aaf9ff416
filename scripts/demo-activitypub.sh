#!/usr/bin/env bash
# Sourced by scripts/demo.sh before it starts Synapse: prepares the fediverse part of the demo.
# Writes the ActivityPub bridge's registration once (under .cache/activitypub-demo), makes the Lyon
# Synapse of the demo load it (restarting an instance that runs without it), and starts the independent
# ActivityPub peer. Exports SYNAPSE_APPSERVICES, IMAGO_AP_REGISTRATION and IMAGO_AP_PEER_URL.
ap_dir="$ROOT/.cache/activitypub-demo"
IMAGO_AP_REGISTRATION="$ap_dir/registration.yaml"
if [ ! -f "$IMAGO_AP_REGISTRATION" ]; then
  echo "[demo] writing the ActivityPub bridge's registration" >&2
  pnpm turbo run build --filter @imago/activitypub... --output-logs=errors-only >&2
  mkdir -p "$ap_dir"
  ap_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  node packages/activitypub/dist/cli/imago-activitypub.js register \
    --url "http://127.0.0.1:$ap_port" --id imago-activitypub-demo --out "$IMAGO_AP_REGISTRATION"
fi
export IMAGO_AP_REGISTRATION
export SYNAPSE_APPSERVICES="$IMAGO_AP_REGISTRATION"
if ! grep -qF "$IMAGO_AP_REGISTRATION" "$ROOT/.cache/synapse/demo-lyon/appservices.yaml" 2>/dev/null; then
  bash scripts/synapse.sh stop demo-lyon >/dev/null 2>&1 || true
fi
IMAGO_AP_PEER_URL="$(bash scripts/activitypub-peer.sh start demo-peer | sed -n 's/^IMAGO_AP_PEER_URL=//p')"
export IMAGO_AP_PEER_URL
