#!/usr/bin/env bash
# The test command: installs what is missing, starts a throwaway PostgreSQL server for the
# tests that need one, and runs every test. Extra arguments go to `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec scripts/with-postgres.sh swift test "$@"
