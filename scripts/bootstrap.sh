#!/usr/bin/env bash
# Makes a working project from a fresh clone: Node >= 22 (system or project-local), pnpm, and the
# workspace dependencies. Idempotent and quick when everything is already there.
#
# Source it to get the toolchain on PATH:   source scripts/bootstrap.sh
# or run it to only install:                bash scripts/bootstrap.sh
set -euo pipefail

IMAGO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGO_TOOLS="$IMAGO_ROOT/.tools"
NODE_VERSION=22.23.3
PNPM_VERSION=12.21.0

imago_log() { printf '\033[2m[bootstrap]\033[0m %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
node_minor() { "$1" -p 'process.versions.node.split(".")[1]' 2>/dev/null || echo 0; }

# Node: the system one when it is recent enough (tsup 9 needs >= 22.18), else a local copy.
sys_node="$(command -v node || true)"
if [ -n "$sys_node" ] && { [ "$(node_major "$sys_node")" -gt 22 ] || { [ "$(node_major "$sys_node")" -eq 22 ] && [ "$(node_minor "$sys_node")" -ge 18 ]; }; }; then
  :
else
  if [ ! -x "$IMAGO_TOOLS/node_modules/node/bin/node" ] || [ "$("$IMAGO_TOOLS/node_modules/node/bin/node" --version)" != "v$NODE_VERSION" ]; then
    imago_log "installing Node $NODE_VERSION into .tools (system node: ${sys_node:+$("$sys_node" --version) at }${sys_node:-missing})"
    mkdir -p "$IMAGO_TOOLS"
    npm install --silent --no-save --no-audit --no-fund --prefix "$IMAGO_TOOLS" "node@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$IMAGO_TOOLS/node_modules/.bin:$PATH"
fi

# pnpm: pinned, project-local unless the right version is already on PATH.
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  if [ ! -x "$IMAGO_TOOLS/node_modules/.bin/pnpm" ] || [ "$("$IMAGO_TOOLS/node_modules/.bin/pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    imago_log "installing pnpm $PNPM_VERSION into .tools"
    mkdir -p "$IMAGO_TOOLS"
    npm install --silent --no-save --no-audit --no-fund --prefix "$IMAGO_TOOLS" "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$IMAGO_TOOLS/node_modules/.bin:$PATH"
fi

# Workspace dependencies: reinstall only when the lockfile changed since the last install.
stamp="$IMAGO_ROOT/node_modules/.imago-lock-stamp"
want="$(cat "$IMAGO_ROOT/pnpm-lock.yaml" "$IMAGO_ROOT"/package.json "$IMAGO_ROOT"/packages/*/package.json "$IMAGO_ROOT"/examples/*/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  imago_log "installing workspace dependencies (pnpm install)"
  (cd "$IMAGO_ROOT" && pnpm install --frozen-lockfile --reporter=append-only >&2)
  echo "$want" > "$stamp"
fi

export IMAGO_ROOT
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
