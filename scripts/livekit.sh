#!/usr/bin/env bash
# A throw-away LiveKit SFU for tests and the demo, on loopback only.
#
#   scripts/livekit.sh install        build livekit-server from the Go module proxy into .cache (once)
#   scripts/livekit.sh start [NAME]   start instance NAME (default lk1) on free ports
#   scripts/livekit.sh env [NAME]     print its environment (IMAGO_LIVEKIT_URL, key and secret)
#   scripts/livekit.sh status [NAME]  say whether it answers
#   scripts/livekit.sh stop [NAME]    stop it
#   scripts/livekit.sh reset [NAME]   stop it and delete its configuration
#
# The SFU listens on 127.0.0.1 only: signalling (HTTP/WebSocket) on one port, media (ICE/UDP) on
# one muxed UDP port, candidates restricted to the loopback interface, no TCP or TURN fallback,
# no public STUN (the server has a fixed node IP; clients are told of a local STUN address).
# Each instance gets its own API key and secret.
#
# Options by environment:
#   IMAGO_CACHE_DIR   where the binary and instances live (default: <repo>/.cache, git-ignored)
#   LIVEKIT_PORT      signalling port (default: a free one)
#   LIVEKIT_LOG_LEVEL debug, info, warn (default) or error
set -euo pipefail

LIVEKIT_VERSION=v1.13.5
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${IMAGO_CACHE_DIR:-$ROOT/.cache}/livekit"
BIN="$CACHE/bin/livekit-server-$LIVEKIT_VERSION"

log() { printf '[livekit] %s\n' "$*" >&2; }
die() { printf 'livekit.sh: %s\n' "$*" >&2; exit 1; }

free_port() { # $1 = tcp | udp
  python3 -c "import socket,sys; s=socket.socket(type=socket.SOCK_DGRAM if sys.argv[1]=='udp' else socket.SOCK_STREAM); s.bind(('127.0.0.1',0)); print(s.getsockname()[1]); s.close()" "$1"
}

install() {
  [ -x "$BIN" ] && return 0
  local go
  go="$(command -v go || true)"
  [ -n "$go" ] || [ ! -x /usr/local/go/bin/go ] || go=/usr/local/go/bin/go
  [ -n "$go" ] || die "Go (>= 1.21, which fetches the 1.26 toolchain livekit-server asks for) is required to build livekit-server"
  log "building livekit-server $LIVEKIT_VERSION into $CACHE (once; several minutes)"
  mkdir -p "$CACHE/bin"
  local gobin
  gobin="$(mktemp -d "$CACHE/gobin.XXXXXX")"
  # Module and build caches stay in .cache so a rebuild (e.g. after a failed start) is quick.
  CGO_ENABLED=0 GOBIN="$gobin" GOMODCACHE="$CACHE/gomod" GOCACHE="$CACHE/gocache" GOFLAGS="-modcacherw -buildvcs=false" \
    "$go" install "github.com/livekit/livekit-server/cmd/server@$LIVEKIT_VERSION" >&2 \
    || { rm -rf "$gobin"; die "go install github.com/livekit/livekit-server/cmd/server@$LIVEKIT_VERSION failed"; }
  mv "$gobin/server" "$BIN"
  rm -rf "$gobin"
  log "built $BIN"
}

instance_dir() { echo "$CACHE/${1:-lk1}"; }

is_up() { # $1 = http url
  curl -fsS --max-time 2 "$1/" >/dev/null 2>&1
}

write_config() { # $1 = dir
  local dir=$1 port udp key secret
  port="${LIVEKIT_PORT:-$(free_port tcp)}"
  udp="$(free_port udp)"
  key="imago-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  mkdir -p "$dir"
  cat > "$dir/livekit.yaml" <<EOF
port: $port
bind_addresses: ['127.0.0.1']
rtc:
  # One muxed UDP port for media, and no port range (they are exclusive).
  port_range_start: 0
  port_range_end: 0
  udp_port: $udp
  tcp_port: 0
  allow_tcp_fallback: false
  use_external_ip: false
  node_ip: 127.0.0.1
  enable_loopback_candidate: true
  interfaces:
    includes: [lo]
  ips:
    includes: [127.0.0.1/32]
  # Told to clients instead of public STUN servers; nothing needs to answer there.
  stun_servers: ['127.0.0.1:$(free_port udp)']
turn:
  enabled: false
keys:
  $key: $secret
logging:
  level: ${LIVEKIT_LOG_LEVEL:-warn}
room:
  auto_create: false
  empty_timeout: 60
EOF
  cat > "$dir/env" <<EOF
IMAGO_LIVEKIT_URL=ws://127.0.0.1:$port
IMAGO_LIVEKIT_API_KEY=$key
IMAGO_LIVEKIT_API_SECRET=$secret
EOF
}

http_url() { # $1 = dir
  # shellcheck disable=SC1091
  (. "$1/env"; echo "${IMAGO_LIVEKIT_URL/ws:/http:}")
}

start() {
  local name=${1:-lk1} dir url pid
  dir="$(instance_dir "$name")"
  install
  if [ -f "$dir/env" ] && is_up "$(http_url "$dir")"; then
    log "$name already running at $(http_url "$dir")"
    cat "$dir/env"
    return 0
  fi
  [ -f "$dir/livekit.yaml" ] || write_config "$dir"
  url="$(http_url "$dir")"
  log "starting $name at $url"
  (cd "$dir" || exit 1; nohup "$BIN" --config "$dir/livekit.yaml" >"$dir/stdout.log" 2>&1 & echo $! >"$dir/run.pid")
  pid="$(cat "$dir/run.pid")"
  for _ in $(seq 1 150); do
    if is_up "$url"; then log "$name is up (pid $pid)"; cat "$dir/env"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$dir/stdout.log" >&2 || true
      die "livekit-server $name exited during start-up (log in $dir)"
    fi
    sleep 0.2
  done
  die "livekit-server $name did not answer at $url within 30 s (log in $dir)"
}

stop() {
  local dir pid
  dir="$(instance_dir "${1:-lk1}")"
  [ -f "$dir/run.pid" ] || return 0
  pid="$(cat "$dir/run.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    log "${1:-lk1} stopped"
  fi
  rm -f "$dir/run.pid"
}

status() {
  local dir
  dir="$(instance_dir "${1:-lk1}")"
  [ -f "$dir/env" ] || { echo "not configured"; return 1; }
  if is_up "$(http_url "$dir")"; then echo "up at $(http_url "$dir")"; else echo "down ($(http_url "$dir"))"; return 1; fi
}

cmd=${1:-}
shift || true
case $cmd in
  install) install ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status "$@" ;;
  env) cat "$(instance_dir "${1:-lk1}")/env" ;;
  reset) stop "$@"; rm -rf "$(instance_dir "${1:-lk1}")" ;;
  *) sed -n '2,19p' "$0" >&2; exit 2 ;;
esac
