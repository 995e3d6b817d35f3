#!/usr/bin/env bash
# Proof-of-work benchmark: Greenlight's staleness check against the git calls it replaces.
#
# Usage: benchmarks/pow.sh [BINARY]
#   BINARY defaults to .build/release/greenlight under the project root, built with
#   `swift build -c release --product greenlight` when missing.
#
# Input: benchmarks/.data/pow-repo (git-ignored), made by generate-pow-repo.py with its
# defaults (20,000 commits, 20 agent logs, merges); reused while the generator and HEAD are
# unchanged. The clock is fixed one day after the last commit, so every agent is stale and
# every log gets a finding that names its last commit.
#
# First, correctness: the commit each pow.stale finding names must be the one
# `git log -1 --format=%H -- LOG` prints, for all 20 logs. Then, in one run (median of 5 after
# 1 warm-up; hyperfine if installed, else a bash loop):
#   - the 20 `git log -1 --format=%ct -- LOG` calls, one after the other (what a shell monitor does);
#   - `greenlight check --only pow` (all four pow rules: one history walk, 20 diffs);
#   - `greenlight monitor --once` (the same scan plus the locked blockers-log update).
# Writes benchmarks/pow-results.md (overwritten).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$here/.data"
repo="$data/pow-repo"
stamp="$data/pow-repo.stamp"
runs=5

if [[ $# -ge 1 ]]; then
  bin="$1"
  [[ -x "$bin" ]] || { echo "error: $bin is not an executable file" >&2; exit 2; }
else
  bin="$root/.build/release/greenlight"
  if [[ ! -x "$bin" ]]; then
    echo "building $bin ..." >&2
    (cd "$root" && swift build -c release --product greenlight)
  fi
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

gen_sum="$(sha256sum "$here/generate-pow-repo.py" | cut -d' ' -f1)"
head_id=""
if [[ -f "$stamp" && -d "$repo/.git" ]]; then head_id="$(git -C "$repo" rev-parse -q --verify HEAD || true)"; fi
if [[ -n "$head_id" && "$(cat "$stamp")" == "generator $gen_sum head $head_id" ]]; then
  echo "reusing $repo (HEAD $head_id)" >&2
else
  mkdir -p "$data"
  rm -f "$stamp"
  echo "generating $repo ..." >&2
  out="$(python3 "$here/generate-pow-repo.py" --force "$repo")"
  echo "$out" >&2
  head_id="$(sed -n 's/^HEAD //p' <<<"$out")"
  echo "generator $gen_sum head $head_id" >"$stamp"
fi
ncommits="$(git -C "$repo" rev-list --count HEAD)"
nmerges="$(git -C "$repo" rev-list --merges --count HEAD)"
nlogs="$(git -C "$repo" ls-files 'feedback/*.md' | wc -l)"
last="$(git -C "$repo" log -1 --format=%ct)"
now="$(date -u -d "@$((last + 86400))" +%Y-%m-%dT%H:%M:%SZ)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$repo"

# --- correctness ---------------------------------------------------------------
"$bin" check --only pow --now "$now" --format json --output "$tmp/pow.json" || [[ $? -eq 1 ]]
python3 - "$tmp/pow.json" <<'PY'
import json, subprocess, sys
findings = [f for f in json.load(open(sys.argv[1]))["findings"] if f["rule"] == "pow.stale"]
logs = subprocess.run(["git", "ls-files", "feedback/*.md"], stdout=subprocess.PIPE, check=True).stdout.decode().split()
ours = {f["path"]: f.get("commit") for f in findings}
bad = 0
for log in logs:
    theirs = subprocess.run(["git", "log", "-1", "--format=%H", "--", log], stdout=subprocess.PIPE, check=True).stdout.decode().strip()
    if ours.get(log) != theirs:
        bad += 1
        print("MISMATCH %s: greenlight %s, git %s" % (log, ours.get(log), theirs), file=sys.stderr)
if bad or len(logs) != len(ours):
    sys.exit("error: %d of %d logs disagree with git log -1" % (bad, len(logs)))
print("agreement: all %d logs name the commit git log -1 names" % len(logs), file=sys.stderr)
PY

# --- timing ----------------------------------------------------------------------
q() { printf '%q ' "$@"; }
labels=(
  "\`git log -1 --format=%ct -- LOG\` × $nlogs, one after the other"
  '`greenlight check --only pow`'
  '`greenlight monitor --once`'
)
cmds=(
  "for f in \$(git ls-files 'feedback/*.md'); do git log -1 --format=%ct -- \"\$f\"; done >/dev/null"
  "$(q "$bin" check --only pow --now "$now" --format json --output /dev/null)"
  "$(q "$bin" monitor --once --now "$now" --blockers-log "$tmp/blockers.md") >/dev/null"
)
if command -v hyperfine >/dev/null; then method="hyperfine $(hyperfine --version | cut -d' ' -f2)"; else method="bash loop"; fi
median_wall() {
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "$runs" --ignore-failure --style basic --export-json "$tmp/h.json" -- "$1" >&2
    python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$tmp/h.json"
  else
    bash -c "$1" >/dev/null 2>&1 || true
    for _ in $(seq "$runs"); do
      t0="$(date +%s.%N)"; bash -c "$1" >/dev/null 2>&1 || true; t1="$(date +%s.%N)"
      awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
    done | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
  fi
}
walls=()
for i in "${!cmds[@]}"; do
  echo "== ${cmds[$i]}" >&2
  walls+=("$(median_wall "${cmds[$i]}")")
done

table="| command | median wall (s) | ratio to the git calls |
| --- | ---: | ---: |"
for i in "${!cmds[@]}"; do
  table+="
| ${labels[$i]} | ${walls[$i]} | $(awk -v w="${walls[$i]}" -v f="${walls[0]}" 'BEGIN { printf "%.2f", (f > 0 ? w / f : 0) }') |"
done
echo
echo "$table"
{
  echo "# Proof-of-work benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: nproc $(nproc), $(uname -sm); $(git --version)"
  echo "- input: benchmarks/generate-pow-repo.py defaults: $ncommits commits ($nmerges merges), $nlogs agent logs, HEAD $head_id"
  echo "- greenlight: project commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo none), release build, \`--now $now\` (every agent stale)"
  echo "- agreement: every pow.stale finding names the commit \`git log -1 -- LOG\` prints, for all $nlogs logs"
  echo "- method: $method, median of $runs runs after 1 warm-up"
  echo
  echo "$table"
} >"$here/pow-results.md"
echo >&2
echo "written: $here/pow-results.md" >&2
