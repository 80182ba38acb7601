#!/usr/bin/env bash
# Fails when a Swift file is not formatted as .swift-format says; prints the offending places.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict --recursive Package.swift Sources Tests Benchmarks Fuzz
