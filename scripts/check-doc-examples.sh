#!/usr/bin/env bash
# Checks that every ```swift example in a `///` comment of Sources/ compiles against the real
# API: scripts/doc-examples.py writes them into one file (each the body of a function taking
# the values it assumes), and the package builds it as the target FastReleaseDocExamples
# (present only with FASTRELEASE_DOC_EXAMPLES=1). Nothing is run.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/doc-examples.py .build-doc-examples/FastReleaseDocExamples/Examples.swift
FASTRELEASE_DOC_EXAMPLES=1 swift build --target FastReleaseDocExamples "$@"
echo "doc-examples: every example compiles"
