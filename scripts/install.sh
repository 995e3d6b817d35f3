#!/usr/bin/env bash
# Builds Greenlight for release and installs the binary at PREFIX/bin/greenlight (PREFIX
# defaults to /usr/local as root, else ~/.local). The Swift runtime is linked in
# (--static-swift-stdlib), so the installed binary runs where no Swift toolchain is; it needs
# only the system libraries setup.sh installs (libgit2, libcurl, SQLite, libcrypto, libyaml).
#
# Usage: bash scripts/install.sh [PREFIX]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$(id -u)" -eq 0 ]; then default=/usr/local; else default="$HOME/.local"; fi
prefix="${1:-${PREFIX:-$default}}"
source "$root/scripts/setup.sh"
cd "$root"
# A folder of its own: the static build's objects differ from the development build's.
swift build -c release --product greenlight --static-swift-stdlib --scratch-path .build-install
mkdir -p "$prefix/bin"
install -m 0755 .build-install/release/greenlight "$prefix/bin/greenlight"
echo "installed $prefix/bin/greenlight ($("$prefix/bin/greenlight" --version))"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
