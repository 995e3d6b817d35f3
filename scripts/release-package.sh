#!/usr/bin/env bash
# Builds the release binary — the Swift runtime linked in, so it runs where no Swift toolchain
# is — and packages it as dist/greenlight-VERSION-linux-ARCH.tar.gz beside its .sha256: what the
# release workflow attaches to a GitHub release, and what `greenlight init`'s workflows and the
# Action download. The system libraries stay shared (libgit2, libyaml, libcurl, SQLite,
# libcrypto); the install steps name the packages that provide them.
#
# Usage: bash scripts/release-package.sh [TAG]   (TAG, e.g. v0.1.0, must match the version)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
version=$(sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/GreenlightCore/Version.swift)
if [ -n "${1:-}" ] && [ "$1" != "v$version" ]; then
  echo "release-package: tag $1 does not match the version in Version.swift (v$version)" >&2
  exit 2
fi
case "$(uname -m)" in
  x86_64) arch=x86_64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "release-package: no release for $(uname -m)" >&2; exit 2 ;;
esac
source scripts/setup.sh
swift build -c release --product greenlight --static-swift-stdlib --scratch-path .build-install
name="greenlight-$version-linux-$arch.tar.gz"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
install -m 0755 .build-install/release/greenlight "$stage/greenlight"
mkdir -p dist
tar -C "$stage" -czf "dist/$name" greenlight
(cd dist && sha256sum "$name" > "$name.sha256")
echo "dist/$name"
