#!/usr/bin/env bash
# Measures the service open-loop with `fastrelease-bench load` at the benchmark goals' rates and at
# lower ones: a release build of `fastrelease serve` on a temporary SQLite log (synchronous
# FULL), the load generator on the same machine. Reports go to out/bench/<run>/.
#
#   scripts/service-bench.sh [DURATION_SECONDS]      (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
swift build -c release --product fastrelease >&2
swift build -c release --product fastrelease-bench >&2
binary="$(swift build -c release --show-bin-path)/fastrelease"
bench="$(swift build -c release --show-bin-path)/fastrelease-bench"
token="service-bench-token-0123456789"
FASTRELEASE_AUTH_TOKENS="gateway:bench:$token" FASTRELEASE_LOG_LEVEL=warning \
  "$binary" serve --port 18081 --profile Profiles/default --sqlite-path "$work/decisions.sqlite" 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:18081/readyz >/dev/null && break; sleep 0.1; done
bench() { # name rate declarations-per-message
  echo "== $1"
  "$bench" load --url http://127.0.0.1:18081 --rate "$2" --duration "$duration" --declarations-per-message "$3" \
    --token "$token" --out "out/bench/$1" 2>/dev/null
  sleep 3
}
bench single-1000 1000 1
bench single-5000-goal 5000 1
bench hundred-50 50 100
bench hundred-200-goal 200 100
echo "== decisions stored: $(sqlite3 "$work/decisions.sqlite" 'SELECT COUNT(*) FROM decisions')"
