#!/usr/bin/env bash
# Side by side on one generated corpus, interleaved so that the shared machine's noise hits
# every tool alike: xmllint --stream --noout (the reference reader of the same libxml2),
# `fastrelease score` with 1 thread and with all cores; then scoring alone at 500 and 5,000 rules.
#
#   scripts/bench-side-by-side.sh [DECLARATIONS] [RUNS]      (defaults: 200000 and 5)
#   scripts/bench-side-by-side.sh double-11 [RUNS]           the Hangzhou Bay day, 2,340,000 declarations
#
# Needs xmllint (Debian package libxml2-utils). Corpus kept in out/corpus-<size>.
set -euo pipefail
cd "$(dirname "$0")/.."
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
gcc -O2 scripts/load/sax-floor.c -I/usr/include/libxml2 -lxml2 -o "$floor"
seconds() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1; }
for run in $(seq "$runs"); do
  s=$(cd "$corpus" && seconds sh -c "ls messages | sed 's|^|messages/|' | xargs $floor")
  x=$(cd "$corpus" && seconds sh -c 'ls messages | sed "s|^|messages/|" | xargs xmllint --stream --noout')
  one=$(seconds "$binary" score --quiet --threads 1 --profile "$corpus/profile" "$corpus/messages")
  all=$(seconds "$binary" score --quiet --threads "$cores" --profile "$corpus/profile" "$corpus/messages")
  echo "$x $one $all $s" >> "$times"
  echo "run $run: libxml2 SAX floor $s s, xmllint $x s, score 1 thread $one s, score $cores threads $all s" >&2
done

python3 - "$times" "$declarations" "$cores" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
n, cores = int(sys.argv[2]), sys.argv[3]
def stats(values): return min(values), statistics.median(values)
print(f"| tool | seconds (min / median) | declarations/s (max / median) |")
print(f"| --- | --- | --- |")
for name, column in [("libxml2 SAX2, callbacks that only count (the floor, 1 thread)", 3), ("xmllint --stream --noout", 0), ("fastrelease score, 1 thread", 1), (f"fastrelease score, {cores} threads", 2)]:
    low, mid = stats([row[column] for row in rows])
    print(f"| {name} | {low:.2f} / {mid:.2f} | {n / low:,.0f} / {n / mid:,.0f} |")
print()
for name, a, b in [("SAX floor ÷ score 1 thread (the share of parsing)", 3, 1), ("xmllint ÷ score 1 thread (above 1: score is faster)", 0, 1), (f"score 1 thread ÷ score {cores} threads", 1, 2)]:
    ratios = [row[a] / row[b] for row in rows]
    print(f"{name}: min {min(ratios):.2f}, median {statistics.median(ratios):.2f} (per run, same run)")
PY
"$bench" scoring --rounds 5 --limit 50000 "$corpus"
