#!/usr/bin/env bash
# The test command: installs what is missing (the build's packages, Chromium for the dashboard
# test), starts a throwaway PostgreSQL server for the tests that need one, and runs every test.
# Extra arguments go to `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if ! command -v chromium >/dev/null 2>&1 && [ -z "${FASTRELEASE_CHROMIUM:-}" ]; then
  echo "test: installing chromium (the dashboard test loads the page in a headless browser)" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test: please install chromium (Debian: apt-get install chromium), or set FASTRELEASE_CHROMIUM" >&2
    exit 1
  fi
fi
exec scripts/with-postgres.sh swift test "$@"
