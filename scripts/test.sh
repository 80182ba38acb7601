#!/usr/bin/env bash
# The test command: installs what is missing (the build's packages, Chromium for the dashboard
# test, Schemathesis), starts a throwaway PostgreSQL server for the tests that need one, runs
# every test, then Schemathesis against a live server (scripts/check-api.sh).
#
#   scripts/test.sh            every test (what CI runs)
#   scripts/test.sh --fast     the everyday loop: no process, PostgreSQL, browser or load tests
#                              (FASTRELEASE_TESTS=fast; each skipped test says why)
#
# With FASTRELEASE_STRICT=1 (CI) warnings are errors and every import must be a declared
# dependency of its target. Other arguments go to `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

strict=()
if [ -n "${FASTRELEASE_STRICT:-}" ]; then strict=(--explicit-target-dependency-import-check error); fi

if [ "${1:-}" = "--fast" ]; then
  shift
  FASTRELEASE_TESTS=fast exec swift test "${strict[@]}" "$@"
fi

if ! command -v chromium >/dev/null 2>&1 && [ -z "${FASTRELEASE_CHROMIUM:-}" ]; then
  echo "test: installing chromium (the dashboard test loads the page in a headless browser)" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test: chromium is not installed and cannot be installed here; the dashboard test will be skipped" >&2
  fi
fi
scripts/with-postgres.sh swift test "${strict[@]}" "$@"

# The HTTP API against its OpenAPI document, on a live server: Schemathesis with every role's
# token (scripts/check-api.sh; the tests built the binary).
scripts/check-api.sh
