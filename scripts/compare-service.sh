#!/usr/bin/env bash
# Compares two builds of `fastrelease serve` under the same load, interleaved: the service pinned
# to core 0, the load generator (`fastrelease-bench load`, $FASTRELEASE_BENCH) to core 1, a fresh SQLite
# log (synchronous FULL) per run. Prints, per run, declarations/s answered, p99, the server's
# CPU time per declaration answered (from /proc/PID/stat) and the bytes it wrote to disk per
# declaration (write_bytes of /proc/PID/io); reports go to out/compare/<run>/.
#
#   scripts/compare-service.sh OLD_BINARY NEW_BINARY [RUNS] [SECONDS]
#   COMPARE_LOADS="2000x1 60x100" scripts/compare-service.sh ...    other loads (rate x declarations)
#
# The default loads, 4,000 single requests/s and 150 messages of 100 a second, are past
# saturation on this machine, so throughput is the service's limit; loads below saturation
# compare the CPU each build spends on the same work.
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
ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
written() { awk '/^write_bytes/ { print $2 }' "/proc/$server/io"; }
load() { # name rate declarations-per-message
  local before after bytes_before
  before=$(ticks) bytes_before=$(written)
  taskset -c 1 "$bench" load --url http://127.0.0.1:18091 --rate "$2" --duration "$duration" \
    --declarations-per-message "$3" --token "$token" --out "out/compare/$1" >/dev/null 2>&1
  after=$(ticks)
  python3 - "out/compare/$1/report.json" "$before" "$after" "$(getconf CLK_TCK)" "$bytes_before" "$(written)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
declarations = r["succeeded"] * r["declarationsPerMessage"]
cpu = (int(sys.argv[3]) - int(sys.argv[2])) / int(sys.argv[4]) / max(declarations, 1) * 1e6
kilobytes = (int(sys.argv[6]) - int(sys.argv[5])) / max(declarations, 1) / 1000
print(f"{r['declarationsPerSecond']:.0f} decl/s, p99 {r['latencyMilliseconds']['p99']:.1f} ms, {cpu:.0f} µs, {kilobytes:.1f} KB")
PY
}
read -r -a loads <<<"${COMPARE_LOADS:-4000x1 150x100}"
printf "%-5s %-4s" run build
for spec in "${loads[@]}"; do printf " %-48s" "${spec%x*}/s of ${spec#*x}"; done
printf "\n"
for run in $(seq "$runs"); do
  for build in old new; do
    binary="$old"; [ "$build" = new ] && binary="$new"
    serve "$binary"
    printf "%-5s %-4s" "$run" "$build"
    for spec in "${loads[@]}"; do
      printf " %-48s" "$(load "$run-$build-${spec}" "${spec%x*}" "${spec#*x}")"
      sleep 2
    done
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
    # The run's log (hundreds of MB) is written back to disk now, not during the next build's run.
    rm -f "$work"/decisions.sqlite*; sync
    printf "\n"
  done
done
