#!/usr/bin/env bash
# Hostile inputs that once stalled the gate, timed at growing sizes: the time must grow with the
# input (about 2x per doubling), never with its square.
#
# Usage: benchmarks/hostile.sh [BINARY]   (default .build/release/greenlight)
#
# 1. One line of N repeated `<!-- greenlight:ignore ` (the suppression scanner), N = 5,000 …
#    40,000 (40,000 repeats are 960 KB, under the default max_file_size).
# 2. An `include:` of K `**/a/` segments against a path 60 directories deep, K = 25 … 200
#    (glob matching).
# Each: median of 3 runs of `greenlight check --no-history --no-live` in a fresh repository
# under benchmarks/.data/hostile/. Writes benchmarks/hostile-results.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
bin="${1:-$root/.build/release/greenlight}"
[[ -x "$bin" ]] || { echo "error: $bin is not executable (swift build -c release --product greenlight)" >&2; exit 2; }
data="$here/.data/hostile"
rm -rf "$data" && mkdir -p "$data"

median() {  # seconds of the median of 3 runs of "$@"
  local times=()
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

repo() {  # a fresh repository at $1
  rm -rf "$1" && mkdir -p "$1" && git -C "$1" init -q
}

commit() {
  git -C "$1" add -A && git -C "$1" -c user.email=bench@example.com -c user.name=bench commit -qm bench
}

rows=()
for n in 5000 10000 20000 40000; do
  dir="$data/suppress-$n"
  repo "$dir"
  python3 -c "print('<!-- greenlight:ignore ' * $n)" > "$dir/a.md"
  commit "$dir"
  rows+=("| repeated suppression openers on one line | $n | $(median "$bin" check --repo "$dir" --no-history --no-live) |")
done

deep=$(python3 -c "print('/'.join(['a'] * 60))")
for k in 25 50 100 200; do
  dir="$data/glob-$k"
  repo "$dir"
  mkdir -p "$dir/$deep" && echo x > "$dir/$deep/b.md"
  for i in $(seq 1 9); do echo x > "$dir/f$i.md"; done
  python3 -c "print('include: [\"' + '**/a/' * $k + '**/*.md\"]')" > "$dir/.greenlight.yml"
  commit "$dir"
  rows+=("| \`**/a/\` segments in one include, path 60 deep | $k | $(median "$bin" check --repo "$dir" --no-history --no-live) |")
done

{
  echo "# Hostile inputs"
  echo
  echo "- greenlight: $("$bin" --version), project commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(nproc) cores; median of 3 runs each"
  echo
  echo "| input | size | seconds |"
  echo "|---|---:|---:|"
  printf '%s\n' "${rows[@]}"
} | tee "$here/hostile-results.md"
