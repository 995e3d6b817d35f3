#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/setup.sh"
cd "$here"
swift build --build-tests
swift test --skip-build

# No process of the run may outlive it (a test that starts a server stops it, passed or failed).
left=()
for cmdline in /proc/[0-9]*/cmdline; do
  if tr '\0' ' ' < "$cmdline" 2>/dev/null | grep -q "^openssl s_server"; then
    pid=${cmdline#/proc/}; left+=("${pid%/cmdline}")
  fi
done
if (( ${#left[@]} > 0 )); then
  echo "error: test servers left running: ${left[*]}" >&2
  kill -KILL "${left[@]}" 2>/dev/null || true
  exit 1
fi
