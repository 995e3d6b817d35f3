#!/usr/bin/env bash
# Builds Greenlight, generates the demo repository and checks it. The demo's readiness
# document makes one false claim, so this prints one finding and exits 1.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/setup.sh"
cd "$here"
swift build --product greenlight >&2
bash demo/make-demo-repo.sh .build/demo-repo
set +e
.build/debug/greenlight check --repo .build/demo-repo
status=$?
echo "greenlight exited with $status" >&2
exit $status
