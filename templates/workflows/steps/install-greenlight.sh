#!/usr/bin/env bash
# Puts the release binary of Greenlight GREENLIGHT_VERSION on a GitHub runner's PATH: downloads
# greenlight-VERSION-linux-ARCH.tar.gz from GREENLIGHT_RELEASES, checks it against its .sha256,
# unpacks it into $RUNNER_TEMP/greenlight and installs the two system libraries it links that
# runners lack (libgit2, libyaml). The Action runs this file; `greenlight init` copies the lines
# after the variable check into the install step of each workflow it writes.
set -euo pipefail
: "${GREENLIGHT_VERSION:?}" "${GREENLIGHT_RELEASES:?}" "${RUNNER_TEMP:?}" "${GITHUB_PATH:?}"
case "$(uname -m)" in
  x86_64) arch=x86_64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "greenlight: no release binary for $(uname -m)" >&2; exit 2 ;;
esac
file="greenlight-$GREENLIGHT_VERSION-linux-$arch.tar.gz"
dir="$RUNNER_TEMP/greenlight"
mkdir -p "$dir"
cd "$dir"
curl -fsSL --retry 3 -O "$GREENLIGHT_RELEASES/v$GREENLIGHT_VERSION/$file" -O "$GREENLIGHT_RELEASES/v$GREENLIGHT_VERSION/$file.sha256"
sha256sum -c "$file.sha256"
tar -xzf "$file" greenlight
if ! { ldconfig -p | grep -q 'libgit2\.so' && ldconfig -p | grep -q 'libyaml-0\.so'; }; then
  sudo apt-get update -qq
  sudo apt-get install -y -qq --no-install-recommends libgit2-1.7 libyaml-0-2
fi
echo "$dir" >> "$GITHUB_PATH"
"$dir/greenlight" --version
