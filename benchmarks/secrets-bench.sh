#!/usr/bin/env bash
# Secrets benchmark: Greenlight against detect-secrets on a labelled corpus, and the time of
# `check --scan-history` on repositories with 5,000 commits.
#
# Usage: benchmarks/secrets-bench.sh [BINARY]
#   BINARY defaults to .build/release/greenlight (built with `swift build -c release` if missing).
#   DETECT_SECRETS: the detect-secrets executable (default: the one on PATH); install it in a
#     virtual environment outside the repository: python3 -m venv VENV && VENV/bin/pip install detect-secrets
#   RUNS: timed runs per command (default 3; the median is reported).
#
# Inputs, generated deterministically into benchmarks/.data/ (git-ignored) and reused while
# their generator is unchanged:
#   secrets-corpus   secrets-corpus.py: 6,000 files, one commit, with labelled secrets and look-alikes
#   secrets-history  secrets-corpus.py --history: 5,000 commits; secrets planted, then removed
#   large-repo       generate-repo.py defaults: ~50,000 files, 5,000 commits (no secrets)
# Recall and precision come from secrets-score.py (a prediction is a path and line); files/s is
# tracked files divided by the median wall (and CPU) time of the whole command, process start included.
# The table is printed and written to benchmarks/secrets-results.md (rewritten, keeping the
# sections secrets-speed.sh and peer-testdata.py write between their markers).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$here/.data"
runs="${RUNS:-3}"
now="2026-01-01T00:00:00Z"

if [[ $# -ge 1 ]]; then
  bin="$1"
else
  bin="$root/.build/release/greenlight"
  [[ -x "$bin" ]] || (cd "$root" && swift build -c release --product greenlight >&2)
fi
[[ -x "$bin" ]] || { echo "error: $bin is not an executable file" >&2; exit 2; }
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
ds="${DETECT_SECRETS:-$(command -v detect-secrets || true)}"
[[ -n "$ds" && -x "$ds" ]] || { echo "error: detect-secrets not found: set DETECT_SECRETS" >&2; exit 2; }

mkdir -p "$data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# generate NAME STAMP-KEY COMMAND...: run COMMAND unless .data/NAME.stamp already says STAMP-KEY.
generate() {
  local name="$1" key="$2"; shift 2
  if [[ -d "$data/$name/.git" && -f "$data/$name.stamp" && "$(cat "$data/$name.stamp")" == "$key" ]]; then
    echo "reusing $data/$name" >&2
  else
    echo "generating $data/$name ..." >&2
    rm -f "$data/$name.stamp"
    "$@" >&2
    echo "$key" >"$data/$name.stamp"
  fi
}
corpus_sum="$(sha256sum "$here/secrets-corpus.py" | cut -d' ' -f1)"
generate secrets-corpus "$corpus_sum" python3 "$here/secrets-corpus.py" "$data/secrets-corpus"
generate secrets-history "$corpus_sum history" python3 "$here/secrets-corpus.py" --history --commits 5000 "$data/secrets-history"
repo_sum="$(sha256sum "$here/generate-repo.py" | cut -d' ' -f1)"
# The same input and stamp as run.sh, so either script reuses what the other made.
if [[ -d "$data/large-repo/.git" && -f "$data/large-repo.stamp" && "$(cut -d' ' -f2 "$data/large-repo.stamp")" == "$repo_sum" ]]; then
  echo "reusing $data/large-repo" >&2
else
  echo "generating $data/large-repo ..." >&2
  rm -f "$data/large-repo.stamp"
  python3 "$here/generate-repo.py" --force --manifest "$data/large-repo.manifest.json" "$data/large-repo" >&2
  echo "generator $repo_sum head $(git -C "$data/large-repo" rev-parse HEAD)" >"$data/large-repo.stamp"
fi

# measure CMD: "WALL CPU" — the medians over $runs runs of wall seconds and of CPU seconds
# (user + system, children included). Exit codes 0 and 1 are both fine. CPU time is reported
# beside wall time because a shared machine's load stretches wall time, not CPU time.
measure() {
  : >"$tmp/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" bash -c "$1" >/dev/null 2>"$tmp/err" || [[ $? -le 1 ]] || { cat "$tmp/err" >&2; exit 1; }
    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$tmp/time" >>"$tmp/times"
  done
  local wall cpu
  wall="$(cut -d' ' -f1 "$tmp/times" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
  cpu="$(cut -d' ' -f2 "$tmp/times" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
  echo "$wall $cpu"
}
q() { printf '%q ' "$@"; }

corpus="$data/secrets-corpus"
files="$(git -C "$corpus" ls-files | wc -l)"
gl_cmd="$(q "$bin" check --repo "$corpus" --only secrets --format json --now "$now" --output "$tmp/gl.json")"
ds_cmd="cd $(q "$corpus") && $(q "$ds") scan > $(q "$tmp/ds.json")"
echo "== greenlight on the corpus" >&2
gl_time="$(measure "$gl_cmd")"
echo "== detect-secrets on the corpus" >&2
ds_time="$(measure "$ds_cmd")"
python3 "$here/secrets-score.py" "$corpus.labels.json" --greenlight "$tmp/gl.json" --detect-secrets "$tmp/ds.json" >"$tmp/scores"

history="$data/secrets-history"
hist_cmd="$(q "$bin" check --repo "$history" --only secrets --scan-history --format json --now "$now" --output "$tmp/hist.json")"
echo "== greenlight --scan-history, planted secrets" >&2
hist_time="$(measure "$hist_cmd")"
python3 "$here/secrets-score.py" "$history.labels.json" --history "$tmp/hist.json" >>"$tmp/scores"
large="$data/large-repo"
echo "== greenlight --scan-history, large repository" >&2
large_head_time="$(measure "$(q "$bin" check --repo "$large" --only secrets --format json --now "$now" --output /dev/null)")"
large_time="$(measure "$(q "$bin" check --repo "$large" --only secrets --scan-history --format json --now "$now" --output /dev/null)")"
blobs="$(git -C "$large" cat-file --batch-all-objects --batch-check='%(objecttype)' | grep -c '^blob$')"

report="$(python3 - "$tmp/scores" "$files" "$gl_time" "$ds_time" "$hist_time" "$large_time" "$large_head_time" "$blobs" \
  "$(git -C "$history" rev-list --count --all)" "$(git -C "$large" rev-list --count --all)" "$(git -C "$large" ls-files | wc -l)" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
files = int(sys.argv[2])
gl, ds, hist, large, large_head = [tuple(map(float, a.split())) for a in sys.argv[3:8]]
blobs, hist_commits, large_commits, large_files = map(int, sys.argv[8:12])
by = {r["scanner"]: r for r in rows}
out = ["| tool | recall | precision | predictions | true positives / secrets | wall (s) | CPU (s) | files/s (wall) | files/s (CPU) |",
       "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for name, (wall, cpu) in (("greenlight", gl), ("detect-secrets", ds)):
    r = by[name]
    out.append("| %s | %.4f | %.4f | %d | %d / %d | %.3f | %.3f | %.0f | %.0f |" % (
        name, r["recall"], r["precision"], r["predictions"], r["true_positives"], r["secrets"], wall, cpu, files / wall, files / cpu))
out.append("")
out.append("Throughput ratio (greenlight / detect-secrets): %.1fx by wall time, %.1fx by CPU time" % (ds[0] / gl[0], ds[1] / gl[1]))
out.append("")
out.append("Missed by greenlight: %s" % json.dumps(by["greenlight"]["missed_by_kind"]))
out.append("False positives of greenlight: %s" % json.dumps(by["greenlight"]["false_positives_by_kind"]))
out.append("Missed by detect-secrets: %s" % json.dumps(by["detect-secrets"]["missed_by_kind"]))
out.append("False positives of detect-secrets: %s" % json.dumps(by["detect-secrets"]["false_positives_by_kind"]))
h = by["greenlight --scan-history"]
out += ["", "| history scan | commits | wall (s) | CPU (s) | result |", "| --- | ---: | ---: | ---: | --- |",
        "| secrets-history (planted, then removed) | %d | %.3f | %.3f | recall %.4f, precision %.4f (%d / %d at their first commit and path) |" % (
            hist_commits, hist[0], hist[1], h["recall"], h["precision"], h["true_positives"], h["secrets"]),
        "| large-repo (%d files at HEAD, %d blobs in history) | %d | %.3f | %.3f | HEAD only: %.3f s wall, %.3f s CPU |" % (
            large_files, blobs, large_commits, large[0], large[1], large_head[0], large_head[1])]
print("\n".join(out))
PY
)"
echo
echo "$report"
# The sections other scripts write (secrets-speed.sh, peer-testdata.py) are kept.
kept="$(python3 - "$here/secrets-results.md" <<'PY'
import os, re, sys
text = open(sys.argv[1]).read() if os.path.exists(sys.argv[1]) else ""
print("\n".join(m.group(0) for m in re.finditer(r"<!-- ([a-z-]+) -->\n.*?<!-- /\1 -->", text, re.S)))
PY
)"
{
  echo "# Secrets benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: nproc $(nproc), $(uname -sm)"
  echo "- corpus: benchmarks/secrets-corpus.py defaults: $files files, HEAD $(git -C "$corpus" rev-parse HEAD)"
  echo "- greenlight: project commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo none), \`check --only secrets --format json\`"
  echo "- detect-secrets: $("$ds" --version), \`detect-secrets scan\` (default plugins) in the corpus"
  echo "- method: median of $runs runs of the whole command (process start included), wall and CPU (user + system) time"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: compare CPU times)"
  echo
  echo "$report"
  if [[ -n "$kept" ]]; then echo; echo "$kept"; fi
} >"$here/secrets-results.md"
echo >&2
echo "written: $here/secrets-results.md" >&2
