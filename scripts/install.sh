#!/usr/bin/env bash
# Installs a relocatable fastrelease under PREFIX:
#
#   scripts/install.sh PREFIX      # e.g. scripts/install.sh /usr/local, or ~/.local
#
#   PREFIX/bin/fastrelease                          the command (code tables built in)
#   PREFIX/share/fastrelease/profiles/default/      the shipped default profile
#   PREFIX/share/fastrelease/profiles/default.seeds its demonstration seeds (public; mode 600)
#
# The installed fastrelease finds the default profile through FASTRELEASE_PROFILE, else
# Profiles/default in the current folder, else PREFIX/share/fastrelease/profiles/default.
# It builds the release binary first (scripts/setup.sh installs what the build needs), unless
# FASTRELEASE_INSTALL_BINARY names one already built.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:?usage: scripts/install.sh PREFIX}"

binary="${FASTRELEASE_INSTALL_BINARY:-}"
if [ -z "$binary" ]; then
  scripts/setup.sh
  swift build -c release --product fastrelease
  binary="$(swift build -c release --show-bin-path)/fastrelease"
fi
[ -x "$binary" ] || { echo "install: $binary is not an executable" >&2; exit 1; }

mkdir -p "$prefix/bin" "$prefix/share/fastrelease/profiles"
install -m 755 "$binary" "$prefix/bin/fastrelease"
rm -rf "$prefix/share/fastrelease/profiles/default"
cp -R Profiles/default "$prefix/share/fastrelease/profiles/default"
install -m 600 Profiles/default.seeds "$prefix/share/fastrelease/profiles/default.seeds"
echo "install: fastrelease is in $prefix/bin, its profiles in $prefix/share/fastrelease/profiles"
