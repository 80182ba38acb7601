#!/usr/bin/env bash
# Measures the service open-loop with `fastrelease-bench load` at the rates the speed goals name
# (issue 12): a release build of `fastrelease serve` pinned to core 0 and the load generator
# pinned to core 1 (`taskset`), on a temporary SQLite log (synchronous FULL, group commit) or
# on PostgreSQL. For each run it prints the load report and the server's CPU time per
# declaration answered (from /proc/PID/stat), to compare with `fastrelease score`'s.
# Reports go to out/bench/<store>-<run>/.
#
#   scripts/service-bench.sh [DURATION_SECONDS] [sqlite|postgres]     (defaults: 20, sqlite)
#   scripts/with-postgres.sh scripts/service-bench.sh 20 postgres       PostgreSQL as the log
#   FASTRELEASE_SERVE_BINARY=PATH scripts/service-bench.sh ...           serve another build (A/B)
#   SERVICE_BENCH_RUNS="hundred-80" scripts/service-bench.sh ...         only the runs named
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
store="${2:-sqlite}"
case "$store" in sqlite | postgres) ;; *) echo "service-bench: the store is sqlite or postgres, not $store" >&2; exit 2 ;; esac
if [ "$store" = postgres ] && [ -z "${FASTRELEASE_TEST_POSTGRES_PORT:-}" ]; then
  echo "service-bench: run it under scripts/with-postgres.sh for PostgreSQL" >&2
  exit 2
fi
server_cpu=() load_cpu=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then server_cpu=(taskset -c 0) load_cpu=(taskset -c 1); fi
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product fastrelease >&2
swift build -c release --product fastrelease-bench >&2
binary="${FASTRELEASE_SERVE_BINARY:-$(swift build -c release --show-bin-path)/fastrelease}"
bench="$(swift build -c release --show-bin-path)/fastrelease-bench"
token="service-bench-token-0123456789"
export FASTRELEASE_AUTH_TOKENS="gateway:bench:$token" FASTRELEASE_LOG_LEVEL=warning
if [ "$store" = postgres ]; then
  export FASTRELEASE_STORE_POSTGRES_HOST="$FASTRELEASE_TEST_POSTGRES_HOST" \
    FASTRELEASE_STORE_POSTGRES_PORT="$FASTRELEASE_TEST_POSTGRES_PORT" \
    FASTRELEASE_STORE_POSTGRES_USER="$FASTRELEASE_TEST_POSTGRES_USER" \
    FASTRELEASE_STORE_POSTGRES_DATABASE="$FASTRELEASE_TEST_POSTGRES_DATABASE"
  "${server_cpu[@]}" "$binary" serve --port 18081 --profile Profiles/default --store postgres 2>"$work/server.log" &
else
  "${server_cpu[@]}" "$binary" serve --port 18081 --profile Profiles/default --sqlite-path "$work/decisions.sqlite" \
    2>"$work/server.log" &
fi
server=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:18081/readyz >/dev/null && break; sleep 0.1; done
curl -sf http://127.0.0.1:18081/readyz >/dev/null || { cat "$work/server.log" >&2; exit 1; }
ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
run() { # name rate declarations-per-message
  case " ${SERVICE_BENCH_RUNS:-$1} " in *" $1 "*) ;; *) return 0 ;; esac
  echo "== $store $1: $2 messages/s of $3 declarations for $duration s"
  local before after
  before=$(ticks)
  "${load_cpu[@]}" "$bench" load --url http://127.0.0.1:18081 --rate "$2" --duration "$duration" \
    --declarations-per-message "$3" --token "$token" --out "out/bench/$store-$1" 2>/dev/null
  after=$(ticks)
  python3 - "out/bench/$store-$1/report.json" "$before" "$after" "$(getconf CLK_TCK)" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
seconds = (int(sys.argv[3]) - int(sys.argv[2])) / int(sys.argv[4])
declarations = report["succeeded"] * report["declarationsPerMessage"]
per = seconds / declarations * 1e6 if declarations else float("nan")
print(f"server CPU {seconds:.2f} s for {declarations} declarations answered: {per:.1f} µs a declaration")
PY
  sleep 3
}
run single-4000 4000 1
run single-8000-saturation 8000 1
run hundred-80 80 100
run hundred-150-saturation 150 100
