#!/usr/bin/env bash
# Compares two builds of `fastrelease serve` under the same load, interleaved: the service pinned
# to core 0, the load generator (`fastrelease-bench load`, $FASTRELEASE_BENCH) to core 1, a fresh SQLite
# log (synchronous FULL) per run. Prints declarations/s and p99 per run; reports go to
# out/compare/<run>/.
#
#   scripts/compare-service.sh OLD_BINARY NEW_BINARY [RUNS] [SECONDS]
#
# Rates are past saturation on this machine, so throughput is the service's limit.
set -euo pipefail
cd "$(dirname "$0")/.."
old="$1"; new="$2"; runs="${3:-3}"; duration="${4:-15}"
# The load generator (fastrelease-bench load), the same for both builds.
bench="${FASTRELEASE_BENCH:-.build/release/fastrelease-bench}"
token="compare-token-0123456789abcdef"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
serve() { # binary
  rm -f "$work"/decisions.sqlite*
  FASTRELEASE_AUTH_TOKENS="gateway:bench:$token" FASTRELEASE_LOG_LEVEL=warning taskset -c 0 \
    "$1" serve --port 18091 --profile Profiles/default --sqlite-path "$work/decisions.sqlite" 2>"$work/server.log" &
  server=$!
  for _ in $(seq 100); do curl -sf http://127.0.0.1:18091/readyz >/dev/null && return; sleep 0.1; done
  echo "compare: the server did not start; see $work/server.log" >&2; exit 1
}
load() { # name rate declarations-per-message
  taskset -c 1 "$bench" load --url http://127.0.0.1:18091 --rate "$2" --duration "$duration" \
    --declarations-per-message "$3" --token "$token" --out "out/compare/$1" >/dev/null 2>&1
  python3 -c "import json,sys; r=json.load(open('out/compare/$1/report.json')); print(f\"{r['declarationsPerSecond']:.0f} decl/s, p99 {r['latencyMilliseconds']['p99']:.1f} ms\")"
}
printf "%-5s %-4s %-32s %-32s\n" run build "1 declaration, 4,000 req/s" "100 declarations, 150 msg/s"
for run in $(seq "$runs"); do
  for build in old new; do
    binary="$old"; [ "$build" = new ] && binary="$new"
    serve "$binary"
    single="$(load "$run-$build-single" 4000 1)"
    sleep 2
    hundred="$(load "$run-$build-hundred" 150 100)"
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
    printf "%-5s %-4s %-32s %-32s\n" "$run" "$build" "$single" "$hundred"
  done
done
