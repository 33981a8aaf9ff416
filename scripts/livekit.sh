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

# shellcheck source=lib/background-process.sh
source "$ROOT/scripts/lib/background-process.sh"

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

instance_dir() { echo "$CACHE/$1"; }

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

instance_url() { # $1 = dir
  # shellcheck disable=SC1091
  (. "$1/env"; echo "${IMAGO_LIVEKIT_URL/ws:/http:}")
}

start() {
  local name=$1 dir
  dir="$(instance_dir "$name")"
  install
  background_running "$name" "$dir" && return 0
  [ -f "$dir/livekit.yaml" ] || write_config "$dir"
  background_start "$name" "$dir" stdout.log 30 "livekit-server $name" "$BIN" --config "$dir/livekit.yaml"
}

background_main lk1 10 2,19 "$@"
