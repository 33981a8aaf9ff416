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

log() { printf '[activitypub-peer] %s\n' "$*" >&2; }
die() { printf 'activitypub-peer.sh: %s\n' "$*" >&2; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

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

instance_dir() { echo "$CACHE/${1:-peer1}"; }

is_up() { # $1 = base url
  curl -fsS --max-time 2 "$1/_peer/health" >/dev/null 2>&1
}

start() {
  local name=${1:-peer1} dir port url pid
  dir="$(instance_dir "$name")"
  install
  mkdir -p "$dir"
  if [ -f "$dir/env" ]; then
    # shellcheck disable=SC1091
    url="$(. "$dir/env"; echo "$IMAGO_AP_PEER_URL")"
    if is_up "$url"; then log "$name already running at $url"; cat "$dir/env"; return 0; fi
    port="${url##*:}"
  else
    port="${AP_PEER_PORT:-$(free_port)}"
    url="http://127.0.0.1:$port"
    echo "IMAGO_AP_PEER_URL=$url" > "$dir/env"
  fi
  log "starting $name at $url"
  (cd "$dir" || exit 1; nohup "$PY" "$SOURCE/peer.py" --port "$port" --contexts "$SOURCE/jsonld-contexts" \
    >"$dir/peer.log" 2>&1 & echo $! >"$dir/run.pid")
  pid="$(cat "$dir/run.pid")"
  for _ in $(seq 1 300); do
    if is_up "$url"; then log "$name is up (pid $pid)"; cat "$dir/env"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$dir/peer.log" >&2 || true
      die "the peer $name exited during start-up (log in $dir)"
    fi
    sleep 0.2
  done
  die "the peer $name did not answer at $url within 60 s (log in $dir)"
}

stop() {
  local dir pid
  dir="$(instance_dir "${1:-peer1}")"
  [ -f "$dir/run.pid" ] || return 0
  pid="$(cat "$dir/run.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    log "${1:-peer1} stopped"
  fi
  rm -f "$dir/run.pid"
}

status() {
  local dir url
  dir="$(instance_dir "${1:-peer1}")"
  [ -f "$dir/env" ] || { echo "not configured"; return 1; }
  # shellcheck disable=SC1091
  url="$(. "$dir/env"; echo "$IMAGO_AP_PEER_URL")"
  if is_up "$url"; then echo "up at $url"; else echo "down ($url)"; return 1; fi
}

cmd=${1:-}
shift || true
case $cmd in
  install) install ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status "$@" ;;
  env) cat "$(instance_dir "${1:-peer1}")/env" ;;
  reset) stop "$@"; rm -rf "$(instance_dir "${1:-peer1}")" ;;
  *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
