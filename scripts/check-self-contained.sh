#!/usr/bin/env bash
# A clone must hold everything its tests, scripts and code read: no tracked file may reach for a
# folder beside the repository (such as a `../shared` that only a development machine has).
# Provenance notes (Markdown) may still say where a vector was first copied from.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if hits="$(git grep -nE '(\.\./)+shared/|/work/shared' -- ':!*.md' ':!scripts/check-self-contained.sh')"; then
  printf 'check-self-contained: these lines reach outside the repository:\n%s\n' "$hits" >&2
  exit 1
fi
