#!/usr/bin/env bash
# Debian packages the tests use for real: belenios-tool (the Belenios 2.0 reference, interop peer
# and counting oracle), Chromium (browser end-to-end tests, driven by playwright-core), python3-venv
# (Synapse's virtualenv), jq (belenios-tool's demo scripts use it), script from bsdutils (a
# pseudo-terminal for the progress-bar tests). Installs only what is missing; needs root or sudo.
#
#   scripts/system-deps.sh postgres   also Debian's PostgreSQL server (Synapse on PostgreSQL:
#                                     scripts/synapse.sh with SYNAPSE_DATABASE=postgres, the bench)
set -euo pipefail

need=()
if [ "${1:-}" = postgres ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
command -v belenios-tool >/dev/null 2>&1 || need+=(belenios-tool)
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v script >/dev/null 2>&1 || need+=(bsdutils)
[ ${#need[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "system-deps.sh: need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "[system-deps] installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
