#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server, then removes the server, also on failure.
# The command sees FASTRELEASE_TEST_POSTGRES_HOST, _PORT, _USER and _DATABASE.
#
#   scripts/with-postgres.sh swift test
#
# Uses Debian's PostgreSQL server binaries (/usr/lib/postgresql/*/bin), installing the
# `postgresql` package when they are missing (needs root or sudo). initdb refuses to run as
# root, so as root the server runs as the `postgres` user.
set -euo pipefail

bin_dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bin_dir" ] || [ ! -x "$bin_dir/initdb" ]; then
  echo "with-postgres: installing the postgresql package" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  else
    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  fi
  bin_dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

as_postgres=()
if [ "$(id -u)" -eq 0 ]; then as_postgres=(runuser -u postgres --); fi

work="$(mktemp -d /tmp/fastrelease-pg.XXXXXX)"
chmod 755 "$work"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work"; fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

cleanup() {
  "${as_postgres[@]}" "$bin_dir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"${as_postgres[@]}" "$bin_dir/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
"${as_postgres[@]}" "$bin_dir/pg_ctl" -D "$work/data" -w -l "$work/server.log" \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
  || { cat "$work/server.log" >&2; exit 1; }
"${as_postgres[@]}" "$bin_dir/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE fastrelease_test" >/dev/null

export FASTRELEASE_TEST_POSTGRES_HOST=127.0.0.1
export FASTRELEASE_TEST_POSTGRES_PORT="$port"
export FASTRELEASE_TEST_POSTGRES_USER=postgres
export FASTRELEASE_TEST_POSTGRES_DATABASE=fastrelease_test
# For tests that need a database of their own (TestPostgres.makeDatabase).
export FASTRELEASE_TEST_POSTGRES_PSQL="$bin_dir/psql"
echo "with-postgres: PostgreSQL on 127.0.0.1:$port (database fastrelease_test)" >&2
"$@"
