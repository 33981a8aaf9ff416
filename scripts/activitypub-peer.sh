#!/usr/bin/env bash
# An independent ActivityPub server on loopback, the peer of @imago/activitypub's tests:
# fediverse-pasture's actor blueprint (WebFinger, actor document, an inbox that checks HTTP
# signatures) and bovine's signed client, from the Python package index, in a virtualenv.
#
#   scripts/activitypub-peer.sh install        create the venv and install the pinned packages (once)
#   scripts/activitypub-peer.sh start [NAME]   start instance NAME (default peer1) on a free port
#   scripts/activitypub-peer.sh env [NAME]     print its environment (IMAGO_AP_PEER_URL)
#   scripts/activitypub-peer.sh status [NAME]  say whether it answers
#   scripts/activitypub-peer.sh stop [NAME]    stop it
#   scripts/activitypub-peer.sh reset [NAME]   stop it and delete its data (keys, received activities)
#
# The peer never reaches the network: its JSON-LD contexts are served from
# scripts/activitypub-peer/jsonld-contexts (bovine's context cache is filled from them and any
# other context is refused). scripts/activitypub-peer/peer.py documents its control endpoints.
#
# Options by environment:
#   IMAGO_CACHE_DIR   where the venv and instances live (default: <repo>/.cache, git-ignored)
#   AP_PEER_PORT      port to listen on (default: a free one)
set -euo pipefail

PASTURE_VERSION=0.2.25
BOVINE_VERSION=0.5.19
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${IMAGO_CACHE_DIR:-$ROOT/.cache}/activitypub-peer"
VENV="$CACHE/venv"
PY="$VENV/bin/python"
SOURCE="$ROOT/scripts/activitypub-peer"

# shellcheck source=lib/background-process.sh
source "$ROOT/scripts/lib/background-process.sh"

install() {
  if [ -x "$PY" ] && "$PY" -c "import sys, importlib.metadata as m; sys.exit(not (m.version('fediverse-pasture') == '$PASTURE_VERSION' and m.version('bovine') == '$BOVINE_VERSION'))" 2>/dev/null; then
    return 0
  fi
  command -v python3 >/dev/null || die "python3 (>= 3.11) is required"
  log "installing fediverse-pasture==$PASTURE_VERSION and bovine==$BOVINE_VERSION into $VENV"
  mkdir -p "$CACHE"
  python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install -y python3-venv)"
  # Every transitive dependency is pinned too (constraints.txt), so an upstream release changes nothing.
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --constraint "$SOURCE/constraints.txt" \
    "fediverse-pasture==$PASTURE_VERSION" "bovine==$BOVINE_VERSION" >&2
}

instance_dir() { echo "$CACHE/$1"; }

instance_url() { # $1 = dir
  # shellcheck disable=SC1091
  (. "$1/env"; echo "$IMAGO_AP_PEER_URL")
}

is_up() { # $1 = base url
  curl -fsS --max-time 2 "$1/_peer/health" >/dev/null 2>&1
}

start() {
  local name=$1 dir port
  dir="$(instance_dir "$name")"
  install
  mkdir -p "$dir"
  background_running "$name" "$dir" && return 0
  if [ -f "$dir/env" ]; then
    port="$(instance_url "$dir")"
    port="${port##*:}"
  else
    port="${AP_PEER_PORT:-$(free_port)}"
    echo "IMAGO_AP_PEER_URL=http://127.0.0.1:$port" > "$dir/env"
  fi
  background_start "$name" "$dir" peer.log 60 "the peer $name" \
    "$PY" "$SOURCE/peer.py" --port "$port" --contexts "$SOURCE/jsonld-contexts"
}

background_main peer1 5 2,20 "$@"
