#!/usr/bin/env bash
# Side by side on one generated corpus, interleaved so that the shared machine's noise hits
# every tool alike: the floor (scripts/load/decoder-floor.c: what the CEB decoder does with
# libxml2, in C, on files already in memory) with 1 and 2 threads, xmllint --stream --noout (the
# reference reader of the same libxml2), `fastrelease score` with 1 and 2 threads; then scoring
# alone at 500 and 5,000 rules.
#
#   scripts/bench-side-by-side.sh [DECLARATIONS] [RUNS]      (defaults: 200000 and 5)
#   scripts/bench-side-by-side.sh double-11 [RUNS]           the Hangzhou Bay day, 2,340,000 declarations
#
# Needs xmllint (Debian package libxml2-utils). Corpus kept in out/corpus-<size>.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xmllint >/dev/null || { echo "bench-side-by-side: xmllint is missing; apt-get install -y libxml2-utils" >&2; exit 2; }
command -v gcc >/dev/null || { echo "bench-side-by-side: gcc is missing (it builds the floor); apt-get install -y gcc" >&2; exit 2; }
size="${1:-200000}"
runs="${2:-5}"
cores="$(nproc)"
swift build -c release --product fastrelease >&2
swift build -c release --product fastrelease-bench >&2
binary="$(swift build -c release --show-bin-path)/fastrelease"
bench="$(swift build -c release --show-bin-path)/fastrelease-bench"
corpus="out/corpus-$size"
if [ ! -f "$corpus/manifest.json" ]; then
  if [ "$size" = double-11 ]; then "$bench" corpus --preset double-11 --seed side-by-side --out "$corpus"
  else "$bench" corpus --declarations "$size" --seed side-by-side --out "$corpus"; fi
fi
declarations=$(python3 -c "import json; print(json.load(open('$corpus/manifest.json'))['declarations'])")
bytes=$(python3 -c "import json; print(json.load(open('$corpus/manifest.json'))['bytes'])")
echo "corpus: $declarations declarations, $((bytes / 1048576)) MiB, $(ls "$corpus/messages" | wc -l) messages; $cores cores; $runs runs" >&2

times="$(mktemp)"
floor="$(mktemp)"
trap 'rm -f "$times" "$floor"' EXIT
gcc -O2 -pthread scripts/load/decoder-floor.c -I/usr/include/libxml2 -lxml2 -o "$floor"
seconds() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1; }
# The floor prints the seconds of its parse alone (files are read into memory first).
floor_seconds() { (cd "$corpus" && find messages -name '*.xml' | sort | xargs "$floor" "$1" | sed 's/^seconds=\([0-9.]*\).*/\1/'); }
for run in $(seq "$runs"); do
  f1=$(floor_seconds 1)
  f2=$(floor_seconds 2)
  x=$(cd "$corpus" && seconds sh -c 'find messages -name "*.xml" | sort | xargs xmllint --stream --noout')
  one=$(seconds "$binary" score --quiet --threads 1 --profile "$corpus/profile" "$corpus/messages")
  two=$(seconds "$binary" score --quiet --threads 2 --profile "$corpus/profile" "$corpus/messages")
  echo "$x $one $two $f1 $f2" >> "$times"
  echo "run $run: floor 1 thread $f1 s, floor 2 threads $f2 s, xmllint $x s, score 1 thread $one s, score 2 threads $two s" >&2
done

python3 - "$times" "$declarations" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
n = int(sys.argv[2])
def stats(values): return min(values), statistics.median(values)
print(f"| tool | seconds (min / median) | declarations/s (max / median) |")
print(f"| --- | --- | --- |")
for name, column in [("the floor (decoder-floor.c), 1 thread", 3), ("the floor, 2 threads", 4), ("xmllint --stream --noout", 0), ("fastrelease score, 1 thread", 1), ("fastrelease score, 2 threads", 2)]:
    low, mid = stats([row[column] for row in rows])
    print(f"| {name} | {low:.2f} / {mid:.2f} | {n / low:,.0f} / {n / mid:,.0f} |")
print()
for name, a, b, goal in [("score 1 thread ÷ floor 1 thread (goal: at most 1.5)", 1, 3, "≤ 1.5"), ("score 1 thread ÷ score 2 threads, the 2-thread speed-up (goal: at least 1.8)", 1, 2, "≥ 1.8"), ("floor 1 thread ÷ floor 2 threads", 3, 4, ""), ("score 1 thread ÷ xmllint", 1, 0, "")]:
    ratios = [row[a] / row[b] for row in rows]
    print(f"{name}: min {min(ratios):.2f}, median {statistics.median(ratios):.2f} (per run, same run)")
PY
"$bench" scoring --rounds 5 --limit 50000 "$corpus"
