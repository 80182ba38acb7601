#!/usr/bin/env bash
# Measures the service on this machine with wrk (closed loop: each connection sends its next
# request when the previous answer arrives). Starts a release build of `fastrelease serve` on a
# temporary SQLite log (synchronous FULL), then for each shape of request runs wrk RUNS times.
#
#   scripts/service-load.sh [DURATION_SECONDS] [RUNS]
#
# Needs wrk (Debian package `wrk`). Client and server share the machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

swift build -c release --product fastrelease >&2
binary="$(swift build -c release --show-bin-path)/fastrelease"
python3 scripts/load/make-messages.py Tests/Fixtures/official/china-ceb/CEB621Message.xml "$work"
token="loadtest-token-0123456789"

FASTRELEASE_AUTH_TOKENS="gateway:load:$token" FASTRELEASE_LOG_LEVEL=warning \
  "$binary" serve --port 18080 --profile Profiles/default --sqlite-path "$work/decisions.sqlite" 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:18080/readyz >/dev/null && break; sleep 0.1; done

run() { # name template connections
  for run in $(seq "$runs"); do
    echo "== $1, $3 connections, run $run"
    TEMPLATE="$work/$2" TOKEN="$token" wrk -t 1 -c "$3" -d "${duration}s" --latency -s scripts/load/post.lua \
      http://127.0.0.1:18080 | grep -E "Requests/sec|Latency|50%|75%|90%|99%|requests in|Non-2xx"
  done
}
run "single-declaration messages" one-declaration.xml 32
run "100-declaration messages" hundred-declarations.xml 8
echo "== decisions stored: $(sqlite3 "$work/decisions.sqlite" 'SELECT COUNT(*) FROM decisions')"
grep -c "error" "$work/server.log" || true
