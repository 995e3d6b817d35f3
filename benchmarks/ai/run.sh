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
#     lines of checks/ai/call-sites.yml (lookbehinds dropped: ERE has none);
#   - for reference, `git grep -n -F` with the SDKs' call names — the fixed strings a grep gate
#     uses, and about the floor of a text scan of the tree.
# Wall time is the median of RUNS; CPU time (user+sys) comes from the last repetition under GNU
# time. Greenlight, with the ai rules held as errors, must exit 1 (the tree has non-compliant
# calls); its findings per rule are printed beside the generator's manifest (transport wrappers
# the generator writes are judged at their callers, so Greenlight reports fewer). The table goes to stdout and benchmarks/ai/results.md.
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
        # ERE has no lookbehind: drop each `(?<!…)` (one level of brackets inside).
        print(re.sub(r"\(\?<!(?:\[[^\]]*\]|[^()\[])*\)", "", m.group(1).replace("''", "'")))
PY
)
grep_args=()
for p in "${patterns[@]}"; do grep_args+=(-e "$p"); done

tmp="$(mktemp -d)"
# The ai rules are notes by default (their field precision is low); the benchmark holds them
# as errors so that a run over non-compliant calls must exit 1.
printf 'version: 1\nrules:\n  ai.context-injection: error\n  ai.user-identity: error\n  ai.logging: error\n' >"$tmp/errors.yml"
trap 'rm -rf "$tmp"' EXIT
q() { printf '%q ' "$@"; }
# What a grep gate typically runs: fixed call names, no regex.
names=(chat.completions.create responses.create Chat.Completions.New Responses.New .chats\( messages.create
       Messages.New generateContent GenerateContent generate_content generateText streamText generateObject
       streamObject .invoke\( api.openai.com api.anthropic.com generativelanguage.googleapis.com)
fixed_args=()
for n in "${names[@]}"; do fixed_args+=(-e "$n"); done
labels=(
  '`greenlight check --only ai` (HEAD)'
  "\`git grep -n -E\`, the ${#patterns[@]} call-site patterns (HEAD)"
  '`greenlight check --only ai --worktree`'
  "\`git grep -n -E\`, the ${#patterns[@]} call-site patterns (work tree)"
  '`git grep -n -F`, 18 call names (HEAD)'
)
# Which greenlight row each row is compared with (-1: none).
compare=(-1 0 -1 2 0)
cmds=(
  "$(q "$bin" check --repo "$repo" --only ai --config "$tmp/errors.yml" --format json --output "$tmp/head.json" --now "$now")"
  "$(q git -C "$repo" grep -n -E "${grep_args[@]}" HEAD) > $tmp/grep-head.txt"
  "$(q "$bin" check --repo "$repo" --only ai --worktree --config "$tmp/errors.yml" --format json --output "$tmp/worktree.json" --now "$now")"
  "$(q git -C "$repo" grep -n -E "${grep_args[@]}") > $tmp/grep-worktree.txt"
  "$(q git -C "$repo" grep -n -F "${fixed_args[@]}" HEAD) > $tmp/grep-fixed.txt"
)

run_one() { # index -> prints wall seconds; aborts on an unexpected exit code
  local start end status expected=0
  [[ "${cmds[$1]}" == *"greenlight"*" check "* ]] && expected=1
  start=$(date +%s.%N)
  set +e
  bash -c "${cmds[$1]}"
  status=$?
  set -e
  end=$(date +%s.%N)
  if (( status != expected )); then
    echo "unexpected exit $status from: ${cmds[$1]}" >&2
    exit 1
  fi
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}

echo "warm-up ..." >&2
for i in "${!cmds[@]}"; do run_one "$i" >/dev/null; done
: >"$tmp/walls"
for r in $(seq "$runs"); do
  echo "repetition $r/$runs ..." >&2
  for i in "${!cmds[@]}"; do echo "$i $(run_one "$i")" >>"$tmp/walls"; done
done
: >"$tmp/cpu"
for i in "${!cmds[@]}"; do
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" bash -c "${cmds[$i]}" || true
  echo "$i $(tail -n 1 "$tmp/time")" >>"$tmp/cpu"
done
printf '%s\n' "${labels[@]}" >"$tmp/labels"
printf '%s\n' "${compare[@]}" >"$tmp/compare"

python3 - "$tmp" "$manifest" "$runs" "$head_id" "$(git -C "$root" rev-parse --short HEAD)" "$(nproc)" \
  >"$tmp/results.md" <<'PY'
import json, statistics, sys
tmp, manifest, runs, head, project, cores = sys.argv[1:7]
labels = open(f"{tmp}/labels").read().splitlines()
compare = [int(c) for c in open(f"{tmp}/compare").read().split()]
walls = [[] for _ in labels]
for line in open(f"{tmp}/walls"):
    i, w = line.split()
    walls[int(i)].append(float(w))
cpu = {}
for line in open(f"{tmp}/cpu"):
    i, user, system, rss = line.split()
    cpu[int(i)] = (float(user) + float(system), int(rss) / 1024)
m = json.load(open(manifest))
report = json.load(open(f"{tmp}/head.json"))
by_rule = {}
for f in report["findings"]:
    by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
worktree = json.load(open(f"{tmp}/worktree.json"))
def count(name):
    return sum(1 for _ in open(f"{tmp}/{name}", encoding="utf-8", errors="replace"))
medians = [statistics.median(w) for w in walls]
print("# ai benchmark: greenlight --only ai against git grep\n")
print(f"- input: benchmarks/ai/generate-ai-repo.py defaults: {m['files']} files, {m['call_sites']} call sites "
      f"checked (+{m['call_sites_exempt']} in exempt test files and bundles), {m['decoy_files']} files mentioning "
      f"calls only in comments and strings, {m['split_calls']} calls written across lines; HEAD {head}")
print(f"- greenlight: project commit {project}, release build, one thread; git grep {cores} threads where it threads")
print(f"- method: benchmarks/ai/run.sh, {runs} repetitions round-robin after one warm-up round; median wall; "
      f"CPU = user+sys and peak RSS of one more run; machine: {cores} cores, shared\n")
print("| command | median wall (s) | min–max (s) | CPU (s) | peak RSS (MiB) | greenlight ÷ this (wall) |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for i, label in enumerate(labels):
    ratio = f"{medians[compare[i]] / medians[i]:.3f}×" if compare[i] >= 0 else "—"
    print(f"| {label} | {medians[i]:.3f} | {min(walls[i]):.3f}–{max(walls[i]):.3f} | {cpu[i][0]:.2f} | {cpu[i][1]:.1f} | {ratio} |")
expected = m["unmet"]
print()
print(f"Findings on HEAD: ai.context-injection {by_rule.get('ai.context-injection', 0)} (generator: {expected['context']}), "
      f"ai.user-identity {by_rule.get('ai.user-identity', 0)} (generator: {expected['identity']}), "
      f"ai.logging {by_rule.get('ai.logging', 0)} (generator: {expected['logging']}); --worktree: {len(worktree['findings'])} "
      f"findings. git grep -E prints {count('grep-head.txt')} lines, git grep -F {count('grep-fixed.txt')}: "
      f"comment and string mentions included, calls written across lines missed, and no requirement checked.")
PY
cat "$tmp/results.md"
cp "$tmp/results.md" "$here/results.md"
echo >&2
echo "written: $here/results.md" >&2
