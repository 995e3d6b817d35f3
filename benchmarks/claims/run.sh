#!/usr/bin/env bash
# Claims throughput: 2,000 readiness documents, 200,000 claims, 20,000 cited source files.
# Usage: benchmarks/claims/run.sh [BINARY]   (default: .build/release/greenlight)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-$root/.build/release/greenlight}"
[[ -x "$bin" ]] || (cd "$root" && swift build -c release --product greenlight >&2)
repo="$here/../.data/claims-repo"
if [[ ! -d "$repo/.git" ]]; then
  python3 "$here/generate-claims-repo.py" "$repo" >&2
fi
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
runs=5
times=()
for i in $(seq $runs); do
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -f '%U %M' -o "$out.rss" "$bin" check --repo "$repo" --only claims --format json --output "$out" \
    --now 2026-01-02T00:00:00Z
  status=$?
  set -e
  end=$(date +%s.%N)
  [[ $status -le 1 ]] || { echo "greenlight exited $status" >&2; exit 1; }
  times+=("$(echo "$end - $start" | bc)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
python3 - "$out" "$median" "$(tail -1 "$out.rss")" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
median = float(sys.argv[2])
user, rss = float(sys.argv[3].split()[0]), int(sys.argv[3].split()[1]) / 1024
docs = report.get("claims") or []
done = sum(d["done"] for d in docs)
pending = sum(d["pending"] for d in docs)
verified = sum(d["verified"] for d in docs)
unverified = sum(d["unverified"] for d in docs)
findings = len(report["findings"])
print(f"documents {len(docs)}, claims {done + pending} (done {done}, verified {verified}, "
      f"unverified {unverified}, pending {pending}), findings {findings}")
print(f"median wall {median:.3f} s over 5 runs; last run {user:.2f} s user CPU; peak RSS {rss:.1f} MiB")
print(f"claims/s {(done + pending) / median:,.0f} by wall, {(done + pending) / user:,.0f} by CPU; "
      f"done claims verified/s {done / median:,.0f} by wall, {done / user:,.0f} by CPU")
PY
rm -f "$out.rss"
