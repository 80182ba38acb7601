#!/usr/bin/env bash
# Builds and runs a libFuzzer target of Fuzz/ (Swift's -sanitize=fuzzer, with AddressSanitizer),
# seeded from the official samples or the default profile. New inputs that reach new code go to
# out/fuzz/TARGET/corpus; a crashing input to out/fuzz/TARGET/ (crash-*), to keep as a regression
# test in Tests/Fixtures/fuzz/TARGET/ (FuzzRegressionTests runs each one).
#
#   scripts/fuzz.sh TARGET [SECONDS]     one target, default 60 s
#   scripts/fuzz.sh all [SECONDS]        each target in turn (what .ci/run does, briefly)
#
# FUZZ_SKIP_BUILD=1 runs what was built (to run several targets at once: build each first).
#
# Targets: FuzzCEBDecoder, FuzzWCODecoder, FuzzProfileLoader, FuzzAmendmentMerge.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(FuzzCEBDecoder FuzzWCODecoder FuzzProfileLoader FuzzAmendmentMerge)
target="${1:?name a target: ${targets[*]} or all}"
seconds="${2:-60}"
if [ "$target" = all ]; then
  for each in "${targets[@]}"; do "$0" "$each" "$seconds"; done
  exit 0
fi
case " ${targets[*]} " in *" $target "*) ;; *) echo "fuzz: no target $target; one of: ${targets[*]}" >&2; exit 2 ;; esac

if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  FASTRELEASE_FUZZ=1 swift build --scratch-path .build-fuzz --product "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address \
    -Xswiftc -use-ld=lld >&2  # gold fails on the entry point SwiftPM renames
fi
binary=".build-fuzz/debug/$target"

work="out/fuzz/$target"
seeds="$work/seeds"
mkdir -p "$work/corpus" "$seeds"
case "$target" in
  FuzzCEBDecoder)
    cp Tests/Fixtures/official/china-ceb/*.xml Profiles/default/tests/messages/CEB*.xml "$seeds/" ;;
  FuzzWCODecoder)
    cp Tests/Fixtures/official/uk-cds-wco-dec/declarations/*.xml "$seeds/" ;;
  FuzzProfileLoader)
    for rules in Profiles/default/rules/*.yaml; do
      { cat Profiles/default/profile.yaml; printf '\0'; cat "$rules"; printf '\0'; cat Profiles/default/enterprises.csv; } \
        >"$seeds/$(basename "$rules" .yaml)"
    done ;;
  FuzzAmendmentMerge)
    declarations=(Tests/Fixtures/official/uk-cds-wco-dec/declarations/*.xml)
    for index in "${!declarations[@]}"; do
      next="${declarations[$(((index + 1) % ${#declarations[@]}))]}"
      { cat "${declarations[$index]}"; printf '\0'; cat "$next"; } >"$seeds/pair-$index"
    done ;;
esac

echo "fuzz: $target for $seconds s (corpus $work/corpus)" >&2
# -rss_limit_mb: the service's memory bound; -max_len: large enough for the official samples.
"$binary" "$work/corpus" "$seeds" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
  -timeout=10 -artifact_prefix="$work/" -print_final_stats=1
