#!/usr/bin/env bash
# The ai family against `git grep -E` with the same call-site patterns, on one generated tree.
#
# Usage: benchmarks/ai/run.sh [BINARY] [RUNS]
#   BINARY defaults to .build/release/greenlight (built with `swift build -c release --product
#   greenlight` when missing); RUNS (default 5) repetitions of every command.
#
# Input: benchmarks/.data/ai-repo (git-ignored), made by generate-ai-repo.py with its defaults
# (20,000 files, ~5,000 LLM call sites) and reused while the generator and HEAD are unchanged.
#
# Measured, in one run, round-robin (each repetition runs every command once, in turn, after
# one warm-up round that also fills the page cache):
#   - `greenlight check --only ai` on HEAD (blobs from the object database) and --worktree;
#   - `git grep -n -E -e P1 -e P2 …` on HEAD and on the work tree, where P1 … are the `pattern:`
#     lines of checks/ai/call-sites.yml (the one lookbehind dropped: ERE has none).
# Wall time is the median of RUNS; CPU time (user+sys) comes from the last repetition under GNU
# time. Greenlight must exit 1 (the tree has non-compliant calls); its findings per rule are
# checked against the generator's manifest. The table goes to stdout and benchmarks/ai/results.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$root/benchmarks/.data"
repo="$data/ai-repo"
manifest="$data/ai-repo.manifest.json"
stamp="$data/ai-repo.stamp"
now="2026-01-02T00:00:00Z"
bin="${1:-$root/.build/release/greenlight}"
runs="${2:-5}"

if [[ ! -x "$bin" ]]; then
  echo "building $bin ..." >&2
  (cd "$root" && swift build -c release --product greenlight >&2)
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

gen_sum="$(sha256sum "$here/generate-ai-repo.py" | cut -d' ' -f1)"
head_id="$(git -C "$repo" rev-parse -q --verify HEAD 2>/dev/null || true)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "generator $gen_sum head $head_id" || ! -f "$manifest" ]]; then
  mkdir -p "$data"
  echo "generating $repo ..." >&2
  python3 "$here/generate-ai-repo.py" --force --manifest "$manifest" "$repo" >&2
  head_id="$(git -C "$repo" rev-parse HEAD)"
  echo "generator $gen_sum head $head_id" >"$stamp"
fi

# The call-site patterns of the built-in pack, as ERE for git grep.
mapfile -t patterns < <(python3 - "$root/checks/ai/call-sites.yml" <<'PY'
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"\s+pattern: '(.*)'\s*$", line)
    if m:
        print(m.group(1).replace("''", "'").replace("(?<!threads\\.)", ""))
PY
)
grep_args=()
for p in "${patterns[@]}"; do grep_args+=(-e "$p"); done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
q() { printf '%q ' "$@"; }
labels=(
  '`greenlight check --only ai` (HEAD)'
  '`git grep -n -E` (HEAD)'
  '`greenlight check --only ai --worktree`'
  '`git grep -n -E` (work tree)'
)
cmds=(
  "$(q "$bin" check --repo "$repo" --only ai --format json --output "$tmp/head.json" --now "$now")"
  "$(q git -C "$repo" grep -n -E "${grep_args[@]}" HEAD) > $tmp/grep-head.txt"
  "$(q "$bin" check --repo "$repo" --only ai --worktree --format json --output "$tmp/worktree.json" --now "$now")"
  "$(q git -C "$repo" grep -n -E "${grep_args[@]}") > $tmp/grep-worktree.txt"
)

run_one() { # index -> prints wall seconds; aborts on an unexpected exit code
  local start end status
  start=$(date +%s.%N)
  set +e
  bash -c "${cmds[$1]}"
  status=$?
  set -e
  end=$(date +%s.%N)
  if (( $1 % 2 == 0 ? status != 1 : status != 0 )); then
    echo "unexpected exit $status from: ${cmds[$1]}" >&2
    exit 1
  fi
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}

echo "warm-up ..." >&2
for i in "${!cmds[@]}"; do run_one "$i" >/dev/null; done
declare -A walls
for r in $(seq "$runs"); do
  echo "repetition $r/$runs ..." >&2
  for i in "${!cmds[@]}"; do walls[$i]+="$(run_one "$i") "; done
done
cpus=()
for i in "${!cmds[@]}"; do
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" bash -c "${cmds[$i]}" || true
  cpus+=("$(tail -n 1 "$tmp/time")")
done

python3 - "$tmp" "$manifest" "$runs" "$head_id" "$(git -C "$root" rev-parse --short HEAD)" \
  "${labels[@]}" -- "${walls[0]}" "${walls[1]}" "${walls[2]}" "${walls[3]}" -- "${cpus[@]}" \
  >"$tmp/results.md" <<'PY'
import json, statistics, sys
tmp, manifest, runs, head, project = sys.argv[1:6]
rest = sys.argv[6:]
labels = rest[:rest.index("--")]
rest = rest[rest.index("--") + 1:]
walls = [list(map(float, w.split())) for w in rest[:rest.index("--")]]
cpus = [c.split() for c in rest[rest.index("--") + 1:]]
m = json.load(open(manifest))
report = json.load(open(f"{tmp}/head.json"))
by_rule = {}
for f in report["findings"]:
    by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
worktree = json.load(open(f"{tmp}/worktree.json"))
grep_lines = sum(1 for _ in open(f"{tmp}/grep-head.txt", encoding="utf-8", errors="replace"))
medians = [statistics.median(w) for w in walls]
print("# ai benchmark: greenlight --only ai against git grep -E\n")
print(f"- input: benchmarks/ai/generate-ai-repo.py defaults: {m['files']} files, {m['call_sites']} call sites "
      f"checked (+{m['call_sites_exempt']} in exempt test files and bundles), {m['decoy_files']} files mentioning "
      f"calls only in comments and strings, {m['split_calls']} calls written across lines; HEAD {head}")
print(f"- greenlight: project commit {project}, release build; git grep: 11 call-site patterns of checks/ai/call-sites.yml")
print(f"- method: {runs} repetitions, round-robin after one warm-up round; median wall time; CPU = user+sys of one more run\n")
print("| command | median wall (s) | min–max (s) | CPU (s) | peak RSS (MiB) | wall vs git grep (same source) |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for i, label in enumerate(labels):
    grep = medians[i + 1] if i % 2 == 0 else medians[i]
    cpu = float(cpus[i][0]) + float(cpus[i][1])
    print(f"| {label} | {medians[i]:.3f} | {min(walls[i]):.3f}–{max(walls[i]):.3f} | {cpu:.2f} | "
          f"{int(cpus[i][2]) / 1024:.1f} | {medians[i] / grep:.3f}× |")
expected = m["unmet"]
print()
print(f"Findings (HEAD): context-injection {by_rule.get('ai.context-injection', 0)} (generator: {expected['context']}), "
      f"user-identity {by_rule.get('ai.user-identity', 0)} (generator: {expected['identity']}), "
      f"logging {by_rule.get('ai.logging', 0)} (generator: {expected['logging']}); --worktree: "
      f"{len(worktree['findings'])}. git grep prints {grep_lines} matching lines.")
PY
cat "$tmp/results.md"
cp "$tmp/results.md" "$here/results.md"
echo >&2
echo "written: $here/results.md" >&2
