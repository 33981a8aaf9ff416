# shellcheck shell=bash
# The instances of a loopback server run in the background (sourced by scripts/livekit.sh and
# scripts/activitypub-peer.sh): each in a directory of its own with its environment (`env`, the
# lines a test reads) and the pid of its process (`run.pid`).
#
# The sourcing script defines:
#   install                        what `install` does (and `start` first)
#   start [NAME]                   configure and start an instance (with background_start)
#   instance_dir NAME              the instance's directory
#   instance_url DIR               the URL it answers at (is_up's argument)
#   is_up URL                      whether it answers

# Reports on stderr, tagged with the script's name (die exits).
log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

free_port() { # $1 = tcp (default) | udp
  python3 -c "import socket,sys; s=socket.socket(type=socket.SOCK_DGRAM if sys.argv[1]=='udp' else socket.SOCK_STREAM); s.bind(('127.0.0.1',0)); print(s.getsockname()[1]); s.close()" "${1:-tcp}"
}

# Whether instance NAME in DIR answers already; if so, says so and prints its environment.
background_running() { # $1 = name, $2 = dir
  local url
  [ -f "$2/env" ] || return 1
  url="$(instance_url "$2")"
  is_up "$url" || return 1
  log "$1 already running at $url"
  cat "$2/env"
}

# Starts COMMAND in DIR, detached, its output in DIR/LOG, and waits up to SECONDS until it
# answers; prints its environment, or dies naming WHAT and the end of its log.
background_start() { # $1 = name, $2 = dir, $3 = log file name, $4 = seconds, $5 = what; then the command
  local name=$1 dir=$2 output=$3 seconds=$4 what=$5 url pid
  shift 5
  url="$(instance_url "$dir")"
  log "starting $name at $url"
  (cd "$dir" || exit 1; nohup "$@" >"$dir/$output" 2>&1 & echo $! >"$dir/run.pid")
  pid="$(cat "$dir/run.pid")"
  for _ in $(seq 1 $((seconds * 5))); do
    if is_up "$url"; then log "$name is up (pid $pid)"; cat "$dir/env"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$dir/$output" >&2 || true
      die "$what exited during start-up (log in $dir)"
    fi
    sleep 0.2
  done
  die "$what did not answer at $url within $seconds s (log in $dir)"
}

# Stops instance NAME: SIGTERM, then SIGKILL if it still runs after SECONDS.
background_stop() { # $1 = name, $2 = seconds
  local dir pid
  dir="$(instance_dir "$1")"
  [ -f "$dir/run.pid" ] || return 0
  pid="$(cat "$dir/run.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $(($2 * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    log "$1 stopped"
  fi
  rm -f "$dir/run.pid"
}

background_status() { # $1 = name
  local dir url
  dir="$(instance_dir "$1")"
  [ -f "$dir/env" ] || { echo "not configured"; return 1; }
  url="$(instance_url "$dir")"
  if is_up "$url"; then echo "up at $url"; else echo "down ($url)"; return 1; fi
}

# The script's commands: install, start, env, status, stop, reset (see its header).
background_main() { # $1 = default instance name, $2 = stop timeout in seconds, $3 = the header's lines (sed range); then the script's arguments
  local default=$1 stop_seconds=$2 usage=$3 cmd=${4:-}
  shift 3
  shift || true
  case $cmd in
    install) install ;;
    start) start "${1:-$default}" ;;
    stop) background_stop "${1:-$default}" "$stop_seconds" ;;
    status) background_status "${1:-$default}" ;;
    env) cat "$(instance_dir "${1:-$default}")/env" ;;
    reset) background_stop "${1:-$default}" "$stop_seconds"; rm -rf "$(instance_dir "${1:-$default}")" ;;
    *) sed -n "${usage}p" "$0" >&2; exit 2 ;;
  esac
}
