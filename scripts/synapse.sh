#!/usr/bin/env bash
# A throw-away Synapse homeserver for tests and the demo, on loopback, with SQLite or PostgreSQL.
#
#   scripts/synapse.sh install              create the venv and install the pinned Synapse (once)
#   scripts/synapse.sh start [NAME]         start instance NAME (default hs1) on a free port
#   scripts/synapse.sh env [NAME]           print its environment (IMAGO_HOMESERVER_URL, ...)
#   scripts/synapse.sh status [NAME]        say whether it answers
#   scripts/synapse.sh register USER PASS [--admin] [NAME]
#   scripts/synapse.sh stop [NAME]          stop it (its data is kept until `reset`)
#   scripts/synapse.sh reset [NAME]         stop it and delete its data
#
# Options by environment:
#   IMAGO_CACHE_DIR       where the venv and instances live (default: <repo>/.cache, git-ignored)
#   SYNAPSE_PORT          port to listen on (default: a free one)
#   SYNAPSE_FEDERATION=1  name the server localhost:PORT and add a TLS federation listener with a
#                         self-signed certificate, so several instances on this machine federate.
#   SYNAPSE_APPSERVICES   application service registration files, `:`-separated
#                         (`/path/a.yaml:/path/b.yaml`), loaded as `app_service_config_files` by
#                         `start`; an instance keeps them across restarts until `start` is given
#                         another value (empty: none). Synapse reads them only when it starts.
#   SYNAPSE_RTC_TRANSPORTS='[{"type":"livekit","livekit_service_url":"http://127.0.0.1:PORT"}]'
#                         advertise these MatrixRTC transports (MSC4143 `rtc/transports`).
#   SYNAPSE_DATABASE      `sqlite` (default) or `postgres`, chosen when an instance is created and
#                         kept by it. `postgres`: Debian's PostgreSQL (installed by
#                         scripts/system-deps.sh postgres when missing) runs a cluster of the
#                         instance's own in its directory, on 127.0.0.1 only, as an unprivileged
#                         user (SYNAPSE_PG_USER, default `postgres`, when this script runs as root);
#                         `start` starts it before Synapse, `stop` stops both. The deployment to use
#                         for a real group: see docs/deployment.md.
set -euo pipefail

SYNAPSE_VERSION=1.163.2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${IMAGO_CACHE_DIR:-$ROOT/.cache}/synapse"
VENV="$CACHE/venv"
PY="$VENV/bin/python"

log() { printf '[synapse] %s\n' "$*" >&2; }
die() { printf 'synapse.sh: %s\n' "$*" >&2; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

install() {
  if [ -x "$PY" ] && "$PY" -c "import sys, importlib.metadata as m; sys.exit(m.version('matrix-synapse') != '$SYNAPSE_VERSION')" 2>/dev/null; then
    return 0
  fi
  command -v python3 >/dev/null || die "python3 (>= 3.10) is required"
  log "installing matrix-synapse==$SYNAPSE_VERSION into $VENV"
  mkdir -p "$CACHE"
  python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install -y python3-venv)"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "matrix-synapse==$SYNAPSE_VERSION" >&2
}

# --- PostgreSQL (SYNAPSE_DATABASE=postgres) ---------------------------------------------------

pg_bin() { # the directory of Debian's PostgreSQL server binaries (initdb is not on PATH)
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    log "PostgreSQL is missing: installing it (scripts/system-deps.sh postgres)"
    bash "$ROOT/scripts/system-deps.sh" postgres
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
  [ -x "$dir/initdb" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
  echo "$dir"
}

pg_as() { # run a PostgreSQL command as the unprivileged user (PostgreSQL refuses to run as root)
  if [ "$(id -u)" = 0 ]; then
    runuser -u "${SYNAPSE_PG_USER:-postgres}" -- "$@"
  else
    "$@"
  fi
}

install_postgres_driver() {
  "$PY" -c 'import psycopg2' 2>/dev/null && return 0
  log "installing matrix-synapse[postgres] (psycopg2) into $VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "matrix-synapse[postgres]==$SYNAPSE_VERSION" >&2
}

pg_init() { # $1 = instance dir: a cluster of its own, owned by the unprivileged user
  local dir=$1 bin port
  bin="$(pg_bin)"
  port="$(free_port)"
  mkdir -p "$dir/postgres"
  if [ "$(id -u)" = 0 ]; then chown "${SYNAPSE_PG_USER:-postgres}" "$dir/postgres"; fi
  pg_as test -w "$dir/postgres" ||
    die "user ${SYNAPSE_PG_USER:-postgres} cannot reach $dir (a parent directory is private): set IMAGO_CACHE_DIR"
  chmod 700 "$dir/postgres"
  pg_as "$bin/initdb" -D "$dir/postgres/data" -U synapse --auth=trust -E UTF8 --locale=C >/dev/null
  pg_as tee -a "$dir/postgres/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
EOF
  echo "$port" >"$dir/postgres.port"
  pg_start "$dir"
  pg_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U synapse -E UTF8 --template=template0 \
    --lc-collate=C --lc-ctype=C synapse
}

pg_start() { # $1 = instance dir
  local dir=$1 bin
  [ -d "$dir/postgres/data" ] || return 0
  bin="$(pg_bin)"
  if pg_as "$bin/pg_ctl" -D "$dir/postgres/data" status >/dev/null 2>&1; then return 0; fi
  pg_as "$bin/pg_ctl" -D "$dir/postgres/data" -l "$dir/postgres/server.log" -w -t 60 start >/dev/null ||
    die "PostgreSQL of $(basename "$dir") did not start (log: $dir/postgres/server.log)"
}

pg_stop() { # $1 = instance dir
  local dir=$1 bin
  [ -d "$dir/postgres/data" ] || return 0
  bin="$(pg_bin)"
  if pg_as "$bin/pg_ctl" -D "$dir/postgres/data" status >/dev/null 2>&1; then
    pg_as "$bin/pg_ctl" -D "$dir/postgres/data" -m fast -w stop >/dev/null || true
  fi
}

database_config() { # $1 = instance dir: the `database:` section of its overrides
  local dir=$1
  case "${SYNAPSE_DATABASE:-sqlite}" in
    postgres)
      install_postgres_driver
      pg_init "$dir" >&2
      printf 'database:\n  name: psycopg2\n  args:\n    user: synapse\n    database: synapse\n'
      printf '    host: 127.0.0.1\n    port: %s\n    cp_min: 1\n    cp_max: 10\n' "$(cat "$dir/postgres.port")"
      ;;
    sqlite)
      printf 'database:\n  name: sqlite3\n  args:\n    database: %s\n' "$dir/homeserver.db"
      ;;
    *) die "SYNAPSE_DATABASE must be sqlite or postgres" ;;
  esac
}

instance_dir() { echo "$CACHE/${1:-hs1}"; }

is_up() { # $1 = base url
  curl -fsS --max-time 2 "$1/_matrix/client/versions" >/dev/null 2>&1
}

write_config() { # $1 = dir, $2 = port, $3 = server name
  local dir=$1 port=$2 name=$3
  local secret database
  secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  mkdir -p "$dir/media_store"
  database="$(database_config "$dir")"
  (cd "$dir" && "$PY" -m synapse.app.homeserver --server-name "$name" --config-path "$dir/homeserver.yaml" \
    --generate-config --report-stats=no --data-directory "$dir" >/dev/null)
  # The generated file keeps its secrets and signing key; the overrides below win (later -c wins).
  local fed_listener="" fed_settings="" rtc_settings=""
  if [ -n "${SYNAPSE_RTC_TRANSPORTS:-}" ]; then
    rtc_settings="
matrix_rtc:
  transports: $SYNAPSE_RTC_TRANSPORTS"
  fi
  if [ "${SYNAPSE_FEDERATION:-0}" = 1 ]; then
    local tls_port
    tls_port="$(free_port)"
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
      -keyout "$dir/tls.key" -out "$dir/tls.crt" >/dev/null 2>&1
    fed_listener="
  - port: $tls_port
    bind_addresses: ['127.0.0.1']
    type: http
    tls: true
    resources:
      - names: [federation]"
    fed_settings="
tls_certificate_path: $dir/tls.crt
tls_private_key_path: $dir/tls.key
federation_verify_certificates: false
federation_ip_range_whitelist: ['127.0.0.0/8', '::1/128']
ip_range_whitelist: ['127.0.0.0/8', '::1/128']
federation_domain_whitelist: null
allow_public_rooms_over_federation: true"
    # Other servers reach us at localhost:PORT, with PORT the federation (TLS) port.
    name="localhost:$tls_port"
    sed -i "s/^server_name: .*/server_name: \"$name\"/" "$dir/homeserver.yaml"
  fi
  cat > "$dir/overrides.yaml" <<EOF
server_name: "$name"
public_baseurl: "http://127.0.0.1:$port/"
pid_file: $dir/homeserver.pid
listeners:
  - port: $port
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client, federation]
        compress: false$fed_listener
$database
media_store_path: $dir/media_store
registration_shared_secret: "$secret"
enable_registration: false
report_stats: false
trusted_key_servers: []
suppress_key_server_warning: true
bcrypt_rounds: 4
presence:
  enabled: false
url_preview_enabled: false
max_upload_size: 10M
experimental_features:
  msc3266_enabled: true
  msc4222_enabled: true
  msc4140_enabled: true
  msc4143_enabled: true
  # /hierarchy of a space this server is not in, asked through given servers (MSC4235 via).
  msc4235_enabled: true
# Members may list their groups' spaces in the public room directory (default: nobody may).
room_list_publication_rules: [{ action: allow }]
max_event_delay_duration: 24h
# Tests create many rooms and users quickly: lift every rate limit.
rc_message: { per_second: 100000, burst_count: 100000 }
rc_registration: { per_second: 100000, burst_count: 100000 }
rc_registration_token_validity: { per_second: 100000, burst_count: 100000 }
rc_login:
  address: { per_second: 100000, burst_count: 100000 }
  account: { per_second: 100000, burst_count: 100000 }
  failed_attempts: { per_second: 100000, burst_count: 100000 }
rc_admin_redaction: { per_second: 100000, burst_count: 100000 }
rc_joins:
  local: { per_second: 100000, burst_count: 100000 }
  remote: { per_second: 100000, burst_count: 100000 }
rc_joins_per_room: { per_second: 100000, burst_count: 100000 }
rc_3pid_validation: { per_second: 100000, burst_count: 100000 }
rc_invites:
  per_room: { per_second: 100000, burst_count: 100000 }
  per_user: { per_second: 100000, burst_count: 100000 }
  per_issuer: { per_second: 100000, burst_count: 100000 }
rc_federation:
  window_size: 1000
  sleep_limit: 100000
  sleep_delay: 1
  reject_limit: 100000
  concurrent: 100000
rc_presence:
  per_user: { per_second: 100000, burst_count: 100000 }
rc_delayed_event_mgmt: { per_second: 100000, burst_count: 100000 }
rc_reports: { per_second: 100000, burst_count: 100000 }
rc_room_creation: { per_second: 100000, burst_count: 100000 }
$fed_settings$rtc_settings
EOF
  cat > "$dir/env" <<EOF
IMAGO_HOMESERVER_URL=http://127.0.0.1:$port
IMAGO_SERVER_NAME=$name
IMAGO_SYNAPSE_SHARED_SECRET=$secret
EOF
}

write_appservices() { # $1 = dir, $2 = registration files separated by ':'
  local file files=()
  IFS=':' read -r -a files <<<"$2"
  {
    echo "app_service_config_files:"
    for file in "${files[@]}"; do
      [ -n "$file" ] || continue
      [ -f "$file" ] || die "application service registration $file not found"
      echo "  - \"$file\""
    done
    [ -n "${files[*]}" ] || echo "  []"
  } >"$dir/appservices.yaml"
}

start() {
  local name=${1:-hs1} dir
  dir="$(instance_dir "$name")"
  install
  if [ -f "$dir/env" ]; then
    # shellcheck disable=SC1091
    url="$(. "$dir/env"; echo "$IMAGO_HOMESERVER_URL")"
    if is_up "$url"; then log "$name already running at $url"; cat "$dir/env"; return 0; fi
  fi
  if [ ! -f "$dir/overrides.yaml" ]; then
    write_config "$dir" "${SYNAPSE_PORT:-$(free_port)}" localhost
  fi
  # shellcheck disable=SC1091
  url="$(. "$dir/env"; echo "$IMAGO_HOMESERVER_URL")"
  if [ -n "${SYNAPSE_APPSERVICES+set}" ]; then write_appservices "$dir" "$SYNAPSE_APPSERVICES"; fi
  local extra=()
  if [ -f "$dir/appservices.yaml" ]; then extra=(-c "$dir/appservices.yaml"); fi
  pg_start "$dir"
  log "starting $name at $url"
  (cd "$dir" || exit 1; nohup "$PY" -m synapse.app.homeserver -c "$dir/homeserver.yaml" -c "$dir/overrides.yaml" \
    "${extra[@]}" >"$dir/stdout.log" 2>&1 & echo $! >"$dir/run.pid")
  local pid i
  pid="$(cat "$dir/run.pid")"
  for i in $(seq 1 300); do
    if is_up "$url"; then log "$name is up (pid $pid)"; cat "$dir/env"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$dir/stdout.log" "$dir/homeserver.log" 2>/dev/null >&2 || true
      die "Synapse $name exited during start-up (logs in $dir)"
    fi
    sleep 0.2
  done
  die "Synapse $name did not answer at $url within 60 s (logs in $dir)"
}

stop() {
  local dir pid
  dir="$(instance_dir "${1:-hs1}")"
  pid="$(cat "$dir/run.pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    log "${1:-hs1} stopped"
  fi
  rm -f "$dir/run.pid"
  pg_stop "$dir"
}

status() {
  local dir
  dir="$(instance_dir "${1:-hs1}")"
  [ -f "$dir/env" ] || { echo "not configured"; return 1; }
  # shellcheck disable=SC1091
  url="$(. "$dir/env"; echo "$IMAGO_HOMESERVER_URL")"
  if is_up "$url"; then echo "up at $url"; else echo "down ($url)"; return 1; fi
}

register() { # USER PASS [--admin] [NAME]
  local user=${1:?user} pass=${2:?password} admin="--no-admin" name=hs1
  shift 2
  for a in "$@"; do case $a in --admin) admin="--admin" ;; *) name=$a ;; esac; done
  local dir
  dir="$(instance_dir "$name")"
  # shellcheck disable=SC1091
  . "$dir/env"
  "$VENV/bin/register_new_matrix_user" -u "$user" -p "$pass" $admin \
    -k "$IMAGO_SYNAPSE_SHARED_SECRET" "$IMAGO_HOMESERVER_URL" >&2
}

cmd=${1:-}
shift || true
case $cmd in
  install) install ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status "$@" ;;
  env) cat "$(instance_dir "${1:-hs1}")/env" ;;
  register) register "$@" ;;
  reset) stop "$@"; rm -rf "$(instance_dir "${1:-hs1}")" ;;
  *) sed -n '2,29p' "$0" >&2; exit 2 ;;
esac
