#!/usr/bin/env bash
# Fuzzes Greenlight's parsers and scanners with libFuzzer (AddressSanitizer and LeakSanitizer on).
#
# Usage: benchmarks/fuzz/run.sh [SECONDS] [TARGET ...]
#   SECONDS per target (default 3600); each target also stops at 10,000,000 executions.
#   TARGETs default to all: dockerfile workflow claims condition config secrets-pack ai-pack
#   suppression lexer glob junit lcov cobertura evidence.
#   PARALLEL=N runs N targets at once (default: the number of cores).
#
# Builds .build-fuzz/release/greenlight-fuzz when missing (GREENLIGHT_FUZZ=1 adds the target to
# the package; it is not part of the normal build or of .ci/run). Optimised file by file (whole-
# module optimisation drops the coverage counters), with testing enabled for the internal
# parsers: about 3x the executions of a debug build. Each target's corpus lives in
# benchmarks/.data/fuzz/TARGET (git-ignored), seeded from the project's fixtures by seeds.py;
# crashes, leaks and timeouts (over 1 s) land in benchmarks/.data/fuzz/artifacts/TARGET-*.
# Appends the figures per target to benchmarks/fuzz/results.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-3600}"
shift || true
targets=("$@")
(( ${#targets[@]} > 0 )) || targets=(dockerfile workflow claims condition config secrets-pack ai-pack suppression lexer glob junit lcov cobertura evidence)
parallel="${PARALLEL:-$(nproc)}"
bin="$root/.build-fuzz/release/greenlight-fuzz"
data="$root/benchmarks/.data/fuzz"
export SWIFT_BACKTRACE=enable=no
# Leaks inside Foundation itself (its regular-expression and XML-error objects), not in
# Greenlight's code: suppressed and listed in lsan.supp, so that a leak of ours still stops a run.
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"

build() {
  (cd "$root" && GREENLIGHT_FUZZ=1 swift build -c release -Xswiftc -enable-testing -Xswiftc -no-whole-module-optimization \
    --product greenlight-fuzz --sanitize fuzzer --sanitize address --scratch-path .build-fuzz)
}
counters() {  # libFuzzer's coverage counters in the binary: Swift code uninstrumented leaves only the C modules' few thousand
  GREENLIGHT_FUZZ_TARGET=glob "$bin" -runs=0 2>&1 | grep -o '[0-9]* inline 8-bit counters' | head -1 | grep -o '^[0-9]*' || echo 0
}
[[ -x "$bin" ]] || build
# An incremental release build has been seen to link objects without coverage counters (blind
# fuzzing): then build again from scratch, and refuse to run without them.
if (( $(counters) < 20000 )); then
  rm -rf "$root/.build-fuzz/release" "$root/.build-fuzz/x86_64-unknown-linux-gnu/release" && build
  (( $(counters) >= 20000 )) || { echo "error: $bin has no coverage counters for Swift code" >&2; exit 1; }
fi
mkdir -p "$data/artifacts" "$data/logs"

fuzz() {  # one target: seed, run, summarise as a table row in $data/logs/TARGET.row
  local target="$1" corpus="$data/$1" log="$data/logs/$1.log"
  python3 "$here/seeds.py" "$target" "$corpus" > /dev/null
  local start end status=0
  start=$(date +%s)
  GREENLIGHT_FUZZ_TARGET="$target" "$bin" "$corpus" -max_total_time="$seconds" -runs=10000000 -timeout=1 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -close_fd_mask=3 \
    -artifact_prefix="$data/artifacts/$target-" > "$log" 2>&1 || status=$?
  end=$(date +%s)
  local runs crashes leaks timeouts
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  crashes=$(find "$data/artifacts" -name "$target-crash-*" -newermt "@$start" | wc -l)
  leaks=$(find "$data/artifacts" -name "$target-leak-*" -newermt "@$start" | wc -l)
  timeouts=$(find "$data/artifacts" -name "$target-timeout-*" -newermt "@$start" | wc -l)
  # Out of memory (over -rss_limit_mb): libFuzzer exits 71 and writes an oom- artifact.
  local ooms
  ooms=$(find "$data/artifacts" -name "$target-oom-*" -newermt "@$start" | wc -l)
  local elapsed=$(( end - start ))
  local rate=$(( runs / (elapsed > 0 ? elapsed : 1) ))
  echo "| $target | $elapsed | $runs | $rate | $crashes | $leaks | $timeouts | $ooms | $(ls "$corpus" | wc -l) | $status |" > "$data/logs/$target.row"
}

running=0
for target in "${targets[@]}"; do
  fuzz "$target" &
  running=$(( running + 1 ))
  if (( running >= parallel )); then wait -n; running=$(( running - 1 )); fi
done
wait

{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%M:%SZ): ${seconds} s per target at most, $parallel at once on $(nproc) cores, project commit $(git -C "$root" rev-parse --short HEAD)"
  echo
  echo "| target | seconds | executions | per second | crashes | leaks | timeouts (> 1 s) | out of memory | corpus | exit |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for target in "${targets[@]}"; do cat "$data/logs/$target.row"; done
} | tee -a "$here/results.md"
