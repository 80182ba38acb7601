#!/usr/bin/env bash
# Figures at volume (issue 14, item 4): a decision log of a whole Double-11 day made by the service
# itself, then the dashboard, `fastrelease report` and `fastrelease replay` over all of it, each
# with its peak resident memory, and each figure compared with a direct count in SQL.
#
#   scripts/volume-check.sh [DECLARATIONS|double-11] [WORK]    (defaults: double-11, out/volume)
#
# Steps (each skipped when WORK already holds its result, so a run can be resumed):
#   1. the corpus: `fastrelease-bench corpus` (2,340,000 declarations for double-11, about 9 GB);
#   2. the log: a release `fastrelease serve` on a SQLite log (synchronous FULL) takes the whole
#      corpus as two chunked NDJSON streams (curl), then inspection results for 20,000 declarations
#      in inspection lanes (scripts/volume/inspect.py);
#   3. the dashboard's data from that server (its peak memory reset first), `report` for the
#      month and `replay` of the whole log, each timed with /usr/bin/time;
#   4. scripts/volume/direct-counts.py counts the same figures in SQL (sqlite3) and compares.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-double-11}"
work="${2:-out/volume}"
mkdir -p "$work"
swift build -c release --product fastrelease >&2
swift build -c release --product fastrelease-bench >&2
bin="$(swift build -c release --show-bin-path)"
port=18090
gateway="volume-gateway-0123456789abcdef" inspector="volume-inspector-0123456789abcd" viewer="volume-viewer-0123456789abcdef"
export FASTRELEASE_AUTH_TOKENS="gateway:volume:$gateway,inspector:volume:$inspector,viewer:volume:$viewer"
export FASTRELEASE_LOG_LEVEL=warning

if [ ! -f "$work/corpus/manifest.json" ]; then
  if [ "$size" = double-11 ]; then amount=(--preset double-11); else amount=(--declarations "$size"); fi
  "$bin/fastrelease-bench" corpus "${amount[@]}" --seed volume --out "$work/corpus"
fi

server=""
# A server still starting does not stop on SIGTERM until it has started: kill it then.
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null; sleep 2; kill -9 "$server" 2>/dev/null; }; true' EXIT
start_server() {
  "$bin/fastrelease" serve --port "$port" --profile "$work/corpus/profile" --sqlite-path "$work/log.sqlite" \
    2>>"$work/server.log" &
  server=$!
  local started=$SECONDS
  for _ in $(seq 600); do
    if curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; then
      echo "volume: the server answered $((SECONDS - started)) s after it started" >&2
      return
    fi
    sleep 0.5
  done
  echo "volume: the server did not start in $((SECONDS - started)) s" >&2
  cat "$work/server.log" >&2
  exit 1
}
start_server

if [ ! -f "$work/log.done" ]; then
  rm -f "$work"/answers-*.ndjson
  started=$(date +%s)
  find "$work/corpus/messages" -name '*.xml' | sort >"$work/files"
  streams=()
  for part in 0 1; do
    awk -v part=$part 'NR % 2 == part' "$work/files" | xargs cat |
      curl -sS --fail -X POST -T - -H 'Content-Type: application/xml' -H 'Accept: application/x-ndjson' \
        -H "Authorization: Bearer $gateway" "http://127.0.0.1:$port/v1/declarations" >"$work/answers-$part.ndjson" &
    streams+=($!)
  done
  for stream in "${streams[@]}"; do
    while kill -0 "$stream" 2>/dev/null; do
      sleep 30
      echo "volume: $(cat "$work"/answers-*.ndjson | wc -l) answers after $(($(date +%s) - started)) s" >&2
    done
    wait "$stream"
  done
  echo "volume: $(cat "$work"/answers-*.ndjson | wc -l) answers in $(($(date +%s) - started)) s" >&2
  python3 scripts/volume/inspect.py "$work/log.sqlite" "http://127.0.0.1:$port" "$inspector" 20000
  touch "$work/log.done"
fi

echo "== the dashboard's data" >&2
echo 5 >"/proc/$server/clear_refs"
/usr/bin/time -f "%e" -o "$work/dashboard.seconds" \
  curl -sSf -H "Authorization: Bearer $viewer" "http://127.0.0.1:$port/v1/dashboard/data" -o "$work/dashboard.json"
grep VmHWM "/proc/$server/status" | awk '{ print $2 }' >"$work/dashboard.peak-kb"
kill "$server"
wait "$server" 2>/dev/null || true
server=""

month="$(sqlite3 "$work/log.sqlite" "SELECT strftime('%Y-%m', MIN(decided_at) / 1000, 'unixepoch') FROM decisions")"
echo "== fastrelease report --month $month" >&2
/usr/bin/time -f "%e %M" -o "$work/report.time" \
  "$bin/fastrelease" report --month "$month" --store "$work/log.sqlite" >"$work/report.txt"
echo "== fastrelease replay" >&2
/usr/bin/time -f "%e %M" -o "$work/replay.time" \
  "$bin/fastrelease" replay --profile "$work/corpus/profile" --history "$work/log.sqlite" >"$work/replay.txt"

python3 scripts/volume/direct-counts.py "$work"
