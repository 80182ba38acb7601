#!/usr/bin/env bash
# Shows that memory is bounded by the batch size, not the input size: builds an input of
# about SIZE_GB gigabytes (default 2) by repeating the official CEB621 and CEB603 samples,
# streams it through `fastrelease score` on standard input, and prints the peak resident memory.
#
#   scripts/memory-check.sh [SIZE_GB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_gb="${1:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product fastrelease >&2
binary="$(swift build -c release --show-bin-path)/fastrelease"

# One block of 100 messages (1,000 declarations, about 3.4 MB), repeated to the size asked for.
python3 - "$work/block.xml" <<'PY'
import sys
a = open("Tests/Fixtures/official/china-ceb/CEB621Message.xml", "rb").read()
b = open("Tests/Fixtures/official/china-ceb/CEB603Message.xml", "rb").read()
with open(sys.argv[1], "wb") as out:
    for _ in range(50):
        out.write(a)
        out.write(b)
PY
block_bytes=$(stat -c %s "$work/block.xml")
repeats=$(( size_gb * 1024 * 1024 * 1024 / block_bytes ))
echo "input: $repeats blocks of $block_bytes bytes = $(( repeats * block_bytes / 1024 / 1024 )) MiB on standard input" >&2

/usr/bin/time -f "peak resident memory: %M KB, elapsed: %e s" \
  bash -c "for ((i = 0; i < $repeats; i++)); do cat '$work/block.xml'; done | '$binary' score --quiet - > /dev/null" \
  || status=$?
echo "exit status: ${status:-0} (1 means some declarations were refused)" >&2
