#!/usr/bin/env bash
# Runs the README's first command as written (the first ```sh block after "## Two commands") and
# checks that it decides the samples, and that the build it makes (without the PostgreSQL trait)
# refuses a postgres:// decision log with a clear error. CI runs it last.
set -euo pipefail
cd "$(dirname "$0")/.."

command_line="$(awk '/^## Two commands/{found=1} found && /^```sh$/{getline; print; exit}' README.md)"
[ -n "$command_line" ] || { echo "check-first-command: no \`\`\`sh block after '## Two commands' in README.md" >&2; exit 1; }
echo "check-first-command: $command_line" >&2

output="$(mktemp)"
trap 'rm -f "$output"' EXIT
bash -c "$command_line" >"$output"
decisions="$(grep -c '"lane"' "$output" || true)"
if [ "$decisions" -lt 3 ]; then
  echo "check-first-command: expected a decision per sample declaration, got $decisions lines:" >&2
  cat "$output" >&2
  exit 1
fi
echo "check-first-command: $decisions decisions" >&2

binary="$(swift build --disable-default-traits --show-bin-path)/fastrelease"
if "$binary" report --day 2026-11-11 --store postgres://fastrelease@127.0.0.1:1/fastrelease 2>"$output"; then
  echo "check-first-command: a build without PostgreSQL accepted a postgres:// log" >&2
  exit 1
fi
grep -q "built without PostgreSQL" "$output" || {
  echo "check-first-command: the refusal does not say why:" >&2
  cat "$output" >&2
  exit 1
}
echo "check-first-command: a postgres:// log is refused: $(head -1 "$output")" >&2
