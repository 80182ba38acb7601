#!/usr/bin/env bash
# Installs what FastRelease needs to build, when it is missing: libxml2's and SQLite's headers
# (Debian libxml2-dev, libsqlite3-dev) and pkg-config. Needs root (or sudo) only to install.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libxml-2.0 2>/dev/null && [ ! -f /usr/include/libxml2/libxml/parser.h ]; then
  missing+=(libxml2-dev)
fi
if ! pkg-config --exists sqlite3 2>/dev/null && [ ! -f /usr/include/sqlite3.h ]; then
  missing+=(libsqlite3-dev)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "setup: please install ${missing[*]} (Debian: apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

command -v swift >/dev/null 2>&1 || { echo "setup: swift is not on PATH; install Swift 6.1 or later" >&2; exit 1; }

# Git keeps no permissions but the executable bit: the default profile's (public, demonstration)
# seeds file is made readable by its owner only, as every seeds file should be.
chmod 600 Profiles/default.seeds 2>/dev/null || true
