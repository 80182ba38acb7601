#!/usr/bin/env bash
# Runs the micro-benchmarks (Benchmarks/FastReleaseBenchmarks, ordo-one/benchmark, release build).
#
#   scripts/benchmarks.sh            run them and print the tables
#   scripts/benchmarks.sh check      fail if allocation counts exceed Benchmarks/Thresholds (CI)
#   scripts/benchmarks.sh update     write new allocation thresholds (after an intended change)
set -euo pipefail
cd "$(dirname "$0")/.."
export FASTRELEASE_BENCHMARKS=1
case "${1:-run}" in
  run) swift package --disable-sandbox benchmark ;;
  check) swift package --disable-sandbox benchmark thresholds check --metric mallocCountTotal --path Benchmarks/Thresholds ;;
  update)
    swift package --disable-sandbox --allow-writing-to-package-directory benchmark thresholds update \
      --metric mallocCountTotal --path Benchmarks/Thresholds ;;
  *) echo "usage: scripts/benchmarks.sh [run|check|update]" >&2; exit 2 ;;
esac
