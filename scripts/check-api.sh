#!/usr/bin/env bash
# Runs Schemathesis (https://schemathesis.readthedocs.io, from PyPI) against a live
# `fastrelease serve`, once with the token of every role, checking every answer against
# docs/openapi.yaml as the server serves it (GET /openapi.yaml): no server error, every status,
# header, content type and JSON body as documented, invalid input refused, no secured
# operation open without a token. Part of scripts/test.sh.
#
#   scripts/check-api.sh            uses .build/debug/fastrelease (built when missing)
#
# FASTRELEASE_BINARY names another binary; SCHEMATHESIS_MAX_EXAMPLES overrides the examples
# per operation (scripts/api/schemathesis.toml).
set -euo pipefail
cd "$(dirname "$0")/.."

# Run through the interpreter, so that a fresh install works before the shell finds its script.
schemathesis() { python3 -c 'import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())' "$@"; }
if ! python3 -c 'import schemathesis.cli' 2>/dev/null; then
  echo "check-api: installing schemathesis from PyPI" >&2
  python3 -m pip install --quiet --disable-pip-version-check 'schemathesis==4.32.5'
fi
if ! command -v curl >/dev/null 2>&1; then
  echo "check-api: installing curl" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
fi
binary="${FASTRELEASE_BINARY:-.build/debug/fastrelease}"
if [ ! -x "$binary" ]; then swift build --product fastrelease; fi

work="$(mktemp -d /tmp/fastrelease-api.XXXXXX)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
declare -A tokens=(
  [gateway]="api-gateway-$(python3 -c "import secrets; print(secrets.token_hex(12))")"
  [viewer]="api-viewer-$(python3 -c "import secrets; print(secrets.token_hex(12))")"
  [inspector]="api-inspector-$(python3 -c "import secrets; print(secrets.token_hex(12))")"
  [laboratory]="api-laboratory-$(python3 -c "import secrets; print(secrets.token_hex(12))")"
  [operator]="api-operator-$(python3 -c "import secrets; print(secrets.token_hex(12))")"
)
list=""
for role in "${!tokens[@]}"; do list="${list:+$list,}$role:schemathesis-$role:${tokens[$role]}"; done

FASTRELEASE_AUTH_TOKENS="$list" "$binary" serve --port "$port" --sqlite-path "$work/decisions.sqlite" \
  --profile Profiles/default >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; [ -n "${KEEP_API_WORK:-}" ] || rm -rf "$work"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  if curl -sf "$url/readyz" >/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/serve.log" >&2; exit 1; fi
  sleep 0.2
done

# Decisions to look up.
for message in Tests/Fixtures/official/china-ceb/CEB621Message.xml \
  Profiles/default/tests/messages/CEB603-fur-to-russia-lot.xml; do
  curl -sf -o /dev/null -H "Authorization: Bearer ${tokens[gateway]}" -H 'Content-Type: application/xml' \
    --data-binary "@$message" "$url/v1/declarations"
done

failed=()
for role in operator viewer inspector laboratory gateway; do
  echo "check-api: Schemathesis as $role" >&2
  if ! schemathesis --config-file scripts/api/schemathesis.toml run "$url/openapi.yaml" \
    --header "Authorization: Bearer ${tokens[$role]}" --workers 2 ${SCHEMATHESIS_MAX_EXAMPLES:+--max-examples "$SCHEMATHESIS_MAX_EXAMPLES"} \
    --no-color >"$work/$role.txt" 2>&1; then
    failed+=("$role")
    cat "$work/$role.txt" >&2
  else
    grep -E "passed|Test cases|generated" "$work/$role.txt" | tail -n 2 >&2 || true
  fi
done
if ! kill -0 "$server" 2>/dev/null; then
  echo "check-api: the server stopped during the run:" >&2
  tail -n 50 "$work/serve.log" >&2
  exit 1
fi
if [ "${#failed[@]}" -gt 0 ]; then
  echo "check-api: Schemathesis found failures as: ${failed[*]}" >&2
  exit 1
fi
echo "check-api: no server error and no answer outside docs/openapi.yaml, for every role" >&2
