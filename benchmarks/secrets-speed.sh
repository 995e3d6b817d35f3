#!/usr/bin/env bash
# Secrets scan speed against ripgrep, the floor for a text scan (shared PEERS.md): the same
# files and the same patterns — every regex of the built-in secrets packs (checks/secrets-*.yml),
# given to `rg -P` (PCRE2, for their lookarounds) — in paired runs: greenlight, then ripgrep,
# RUNS times, medians compared. A third command, ripgrep looking for the packs' keywords as
# literals, is the floor of any scan that reads every byte once.
#
# Usage: benchmarks/secrets-speed.sh [REPO...]
#   REPO: git work trees to compare on besides the generated large-repo, e.g. a clone of
#     moby/moby at b985e2313a8676e18072b442911fc8f64f17d440 (13,024 files; 230,908 blobs).
#   BINARY: greenlight executable (default .build/release/greenlight, built if missing).
#   RUNS: paired runs of each tree scan (default 3); HISTORY_RUNS: of each history scan (default 1).
#
# Tree scan: `greenlight check --only secrets` against `rg -P -f PATTERNS` over the work tree
# (--no-ignore --hidden, .git excluded: the tracked files of a fresh clone).
# History scan: `greenlight check --only secrets --scan-history` against
# `git cat-file --batch-all-objects --batch | rg -P -f PATTERNS` (every object once), with
# Greenlight's peak resident memory.
# The tables are printed and written into benchmarks/secrets-results.md between the markers
# `<!-- ripgrep -->` and `<!-- /ripgrep -->` (secrets-bench.sh keeps that part when it rewrites
# the file).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-3}"
history_runs="${HISTORY_RUNS:-1}"
now="2026-01-01T00:00:00Z"
bin="${BINARY:-$root/.build/release/greenlight}"
[[ -x "$bin" ]] || (cd "$root" && swift build -c release --product greenlight >&2)
command -v rg >/dev/null || { echo "error: ripgrep not found: apt-get install ripgrep" >&2; exit 2; }

large="$here/.data/large-repo"
if [[ ! -d "$large/.git" ]]; then
  echo "generating $large ..." >&2
  python3 "$here/generate-repo.py" --force --manifest "$here/.data/large-repo.manifest.json" "$large" >&2
fi
repos=("$large" "$@")

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
patterns="$tmp/patterns.txt"
keywords="$tmp/keywords.txt"
python3 - "$root/checks" "$patterns" "$keywords" <<'PY'
import glob, os, sys, yaml
regexes, words = [], set()
for path in sorted(glob.glob(os.path.join(sys.argv[1], "secrets-*.yml"))):
    for rule in yaml.safe_load(open(path))["rules"]:
        regexes.append(rule["regex"])
        words.update(k.lower() for k in rule.get("keywords", []))
open(sys.argv[2], "w").write("\n".join(regexes) + "\n")
open(sys.argv[3], "w").write("\n".join(sorted(words)) + "\n")
PY

# paired N CMD_A CMD_B [CMD_C]: N rounds, each running every command once in turn; prints one
# line per command: median wall, median CPU (user + system), largest peak RSS in MiB. Exit codes
# 0 and 1 are both fine (1: something found).
paired() {
  local n="$1"; shift
  local count=$#
  for index in $(seq "$count"); do : >"$tmp/times.$index"; done
  for _ in $(seq "$n"); do
    local index=0
    for command in "$@"; do
      index=$((index + 1))
      /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" bash -c "$command" >/dev/null 2>"$tmp/err" || [[ $? -le 1 ]] || { cat "$tmp/err" >&2; exit 1; }
      awk '{ printf "%.3f %.3f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$tmp/time" >>"$tmp/times.$index"
    done
  done
  for index in $(seq "$count"); do
    python3 - "$tmp/times.$index" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
print("%.3f %.3f %.0f" % (statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), max(r[2] for r in rows)))
PY
  done
}
q() { printf '%q ' "$@"; }

tree_rows=()
history_rows=()
for repo in "${repos[@]}"; do
  repo="$(cd "$repo" && pwd)"
  name="$(basename "$repo")"
  files="$(git -C "$repo" ls-files | wc -l)"
  blobs="$(git -C "$repo" cat-file --batch-all-objects --batch-check='%(objecttype)' | grep -c '^blob$')"
  echo "== $name: tree scan, $files files" >&2
  mapfile -t tree < <(paired "$runs" \
    "$(q "$bin") check --repo $(q "$repo") --only secrets --format json --now $now --output /dev/null" \
    "rg -P --no-ignore --hidden -g '!.git' --count-matches -f $(q "$patterns") $(q "$repo")" \
    "rg -i -F --no-ignore --hidden -g '!.git' --count-matches -f $(q "$keywords") $(q "$repo")")
  tree_rows+=("$name|$files|${tree[0]}|${tree[1]}|${tree[2]}")
  echo "== $name: history scan, $blobs blobs" >&2
  mapfile -t hist < <(paired "$history_runs" \
    "$(q "$bin") check --repo $(q "$repo") --only secrets --scan-history --format json --now $now --output /dev/null" \
    "git -C $(q "$repo") cat-file --batch-all-objects --batch | rg -P --count-matches -f $(q "$patterns")" \
    "git -C $(q "$repo") cat-file --batch-all-objects --batch | rg -i -F --count-matches -f $(q "$keywords")")
  history_rows+=("$name|$blobs|${hist[0]}|${hist[1]}|${hist[2]}")
done

section="$(python3 - "$runs" "$history_runs" "$(wc -l <"$patterns")" "$(wc -l <"$keywords")" "${#tree_rows[@]}" "${tree_rows[@]}" "${history_rows[@]}" <<'PY'
import sys
runs, history_runs, npatterns, nkeywords, count = sys.argv[1:6]
count = int(count)
tree, history = sys.argv[6:6 + count], sys.argv[6 + count:]
def parse(row):
    name, size, gl, rg, floor = row.split("|")
    return name, int(size), [tuple(map(float, x.split())) for x in (gl, rg, floor)]
out = ["## Against ripgrep", "",
       "Written by `benchmarks/secrets-speed.sh`: the same files, the %s regexes of the built-in packs given to `rg -P`, paired runs (medians of %s for tree scans, %s for history scans); the literal floor is `rg -i -F` with the packs' %s keywords." % (npatterns, runs, history_runs, nkeywords), "",
       "| tree scan | files | greenlight wall (s) | CPU (s) | rg -P wall (s) | CPU (s) | wall ratio greenlight / rg -P | literal floor wall (s) | greenlight / floor |",
       "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for row in tree:
    name, files, (gl, rg, floor) = parse(row)
    out.append("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.2f | %.3f | %.1f |" % (name, files, gl[0], gl[1], rg[0], rg[1], gl[0] / rg[0], floor[0], gl[0] / floor[0]))
out += ["", "| history scan | blobs | greenlight wall (s) | CPU (s) | peak MiB | cat-file \\| rg -P wall (s) | wall ratio greenlight / rg -P | cat-file \\| literal floor wall (s) | greenlight / floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for row in history:
    name, blobs, (gl, rg, floor) = parse(row)
    out.append("| %s | %d | %.3f | %.3f | %.0f | %.3f | %.2f | %.3f | %.1f |" % (name, blobs, gl[0], gl[1], gl[2], rg[0], gl[0] / rg[0], floor[0], gl[0] / floor[0]))
print("\n".join(out))
PY
)"
echo
echo "$section"
results="$here/secrets-results.md"
echo "$section" | python3 "$here/results_section.py" "$results" ripgrep
echo "written: $results" >&2
