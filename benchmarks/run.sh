#!/usr/bin/env bash
# Greenlight benchmark on a large generated repository.
#
# Usage: benchmarks/run.sh [BINARY]
#   BINARY defaults to .build/release/greenlight under the project root; if that
#   default is missing it is built first with `swift build -c release`.
#
# Input: benchmarks/.data/large-repo (git-ignored), made by generate-repo.py
# with its defaults (5,000 commits, ~50,000 files). It is reused when
# benchmarks/.data/large-repo.stamp still records the current generator's
# sha256 and the repository's HEAD, and the work tree is clean; otherwise it is
# regenerated (~15 s). The work tree is clean, so the --staged and --worktree
# runs measure the cost of scanning index and work tree with nothing changed.
#
# Measured, each from inside the repository: the floor (reading every tracked
# file once with cat), then `greenlight check` on HEAD, --staged and
# --worktree. Wall time is the median of 5 runs after 1 warm-up (hyperfine if
# installed, else a bash loop); peak RSS comes from one extra run under
# /usr/bin/time (largest process of the command's tree). Greenlight is
# expected to exit 1 (the repository holds false claims); any exit code other
# than 0 or 1 aborts the benchmark. The table is printed and written to
# benchmarks/results.md (overwritten).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$here/.data"
repo="$data/large-repo"
stamp="$data/large-repo.stamp"
now="2026-01-01T00:00:00Z"
runs=5

# --- the binary -------------------------------------------------------------
if [[ $# -ge 1 ]]; then
  bin="$1"
  [[ -x "$bin" ]] || { echo "error: $bin is not an executable file" >&2; exit 2; }
else
  bin="$root/.build/release/greenlight"
  if [[ ! -x "$bin" ]]; then
    echo "building $bin ..." >&2
    (cd "$root" && swift build -c release)
  fi
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

# --- the input repository -----------------------------------------------------
gen_sum="$(sha256sum "$here/generate-repo.py" | cut -d' ' -f1)"
reuse=no
if [[ -f "$stamp" && -d "$repo/.git" ]]; then
  head_id="$(git -C "$repo" rev-parse -q --verify HEAD || true)"
  if [[ "$(cat "$stamp")" == "generator $gen_sum head $head_id" &&
        -z "$(git -C "$repo" status --porcelain --untracked-files=all)" ]]; then
    reuse=yes
  fi
fi
if [[ $reuse == yes ]]; then
  echo "reusing $repo (HEAD $head_id)" >&2
else
  mkdir -p "$data"
  rm -f "$stamp"
  echo "generating $repo ..." >&2
  out="$(python3 "$here/generate-repo.py" --force --manifest "$data/large-repo.manifest.json" "$repo")"
  echo "$out" >&2
  head_id="$(sed -n 's/^HEAD //p' <<<"$out")"
  echo "generator $gen_sum head $head_id" >"$stamp"
fi
nfiles="$(git -C "$repo" ls-files | wc -l)"
ncommits="$(git -C "$repo" rev-list --count HEAD)"

# --- measuring ----------------------------------------------------------------
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

q() { printf '%q ' "$@"; }   # shell-quote a command line for bash -c / hyperfine
common=(--format json --output /dev/null --now "$now")
labels=(
  'floor: `git ls-files -z \| xargs -0 cat`'
  '`greenlight check`'
  '`greenlight check --staged`'
  '`greenlight check --worktree`'
)
cmds=(
  "git ls-files -z | xargs -0 cat > /dev/null"
  "$(q "$bin" check --repo "$repo" "${common[@]}")"
  "$(q "$bin" check --repo "$repo" --staged "${common[@]}")"
  "$(q "$bin" check --repo "$repo" --worktree "${common[@]}")"
)
if command -v hyperfine >/dev/null; then method="hyperfine $(hyperfine --version | cut -d' ' -f2)"; else method="bash loop"; fi

# median_wall CMD: median wall seconds of $runs runs after one warm-up (cwd: repo)
median_wall() {
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "$runs" --ignore-failure --style basic \
      --export-json "$tmp/h.json" -- "$1" >&2
    python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$tmp/h.json"
  else
    bash -c "$1" >/dev/null 2>&1 || true
    for _ in $(seq "$runs"); do
      t0="$(date +%s.%N)"; bash -c "$1" >/dev/null 2>&1 || true; t1="$(date +%s.%N)"
      awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
    done | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
  fi
}

cd "$repo"
walls=(); rss=()
for i in "${!cmds[@]}"; do
  echo "== ${cmds[$i]}" >&2
  # One run for the exit code and peak RSS (also warms the page cache).
  if /usr/bin/time -f '%M' -o "$tmp/rss" bash -c "${cmds[$i]}" >/dev/null 2>"$tmp/err"; then rc=0; else rc=$?; fi
  if (( i == 0 ? rc != 0 : rc > 1 )); then
    echo "error: exit code $rc from: ${cmds[$i]}" >&2; cat "$tmp/err" >&2; exit 1
  fi
  (( i == 0 || rc == 1 )) || echo "warning: exit code $rc, expected 1 (the repository has false claims)" >&2
  rss+=("$(tail -n 1 "$tmp/rss")")
  walls+=("$(median_wall "${cmds[$i]}")")
done

# --- report -------------------------------------------------------------------
table="| command | median wall (s) | peak RSS (MiB) | ratio to floor |
| --- | ---: | ---: | ---: |"
for i in "${!cmds[@]}"; do
  table+="
| ${labels[$i]} | $(awk -v w="${walls[$i]}" -v r="${rss[$i]}" -v f="${walls[0]}" \
    'BEGIN { printf "%.3f | %.1f | %.2f", w, r / 1024, (f > 0 ? w / f : 0) }') |"
done

echo
echo "$table"
{
  echo "# Benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: nproc $(nproc), $(uname -sm)"
  echo "- input: benchmarks/generate-repo.py defaults: $nfiles files, $ncommits commits, HEAD $head_id"
  echo "- greenlight: project commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo none), options \`${common[*]}\`"
  echo "- method: $method, median of $runs runs after 1 warm-up; peak RSS from one run under /usr/bin/time"
  echo
  echo "$table"
} >"$here/results.md"
echo >&2
echo "written: $here/results.md" >&2
