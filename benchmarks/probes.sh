#!/usr/bin/env bash
# Probe benchmark: 1,000 requests at concurrency 20 against a local server.
#
# Usage: benchmarks/probes.sh [BINARY]
#   BINARY defaults to .build/release/greenlight (built with `swift build -c release
#   --product greenlight` when missing).
#
# Starts benchmarks/probe-server.py on 127.0.0.1 (a free port; it stops by itself after five
# minutes and is killed on exit), then measures, each as the median (and the fastest) of 20
# runs after 2 warm-ups (hyperfine when installed, else a bash loop):
#   - curl:       curl --parallel --parallel-max 20 over 1,000 copies of the URL (one process,
#                 one multi handle, like greenlight), bodies to /dev/null;
#   - greenlight: greenlight probe --config FILE, one probe with requests: 1000,
#                 concurrency: 20 and the conditions [STATUS] == 200, [BODY].status == "ok",
#                 [P95] < 30s, [ERROR_RATE] <= 1% (every body parsed as JSON);
# and, for one request, curl -w's time_total against the total greenlight reports from
# libcurl, plus the wall time of each process. Writes benchmarks/probe-results.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$here/.data/probes"
runs=20
requests=1000
parallel=20

if [[ $# -ge 1 ]]; then
  bin="$1"
else
  bin="$root/.build/release/greenlight"
  [[ -x "$bin" ]] || (cd "$root" && swift build -c release --product greenlight)
fi
[[ -x "$bin" ]] || { echo "error: $bin is not executable" >&2; exit 2; }
command -v curl >/dev/null || { echo "error: curl is needed" >&2; exit 2; }

mkdir -p "$data"
python3 "$here/probe-server.py" --lifetime 300 > "$data/port" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [[ -s "$data/port" ]] && break; sleep 0.1; done
port="$(head -1 "$data/port")"
url="http://127.0.0.1:$port/health"

# curl's inputs: 1,000 URLs, each to /dev/null.
: > "$data/curl.cfg"
for _ in $(seq 1 $requests); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >> "$data/curl.cfg"; done
cat > "$data/load.yml" <<YAML
probes:
  - name: load
    url: $url
    requests: $requests
    concurrency: $parallel
    expect: ["[STATUS] == 200", '[BODY].status == "ok"', "[P95] < 30s", "[ERROR_RATE] <= 1%"]
YAML
cat > "$data/one.yml" <<YAML
probes:
  - name: one
    url: $url
    expect: ["[STATUS] == 200"]
YAML

curl_cmd="curl -s --parallel --parallel-max $parallel --config $data/curl.cfg"
gl_cmd="$bin probe --config $data/load.yml --output /dev/null"
$gl_cmd || { echo "error: the greenlight probe failed" >&2; exit 1; }

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
measure() { # prints "median fastest" wall times in seconds of "$@"
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 2 --runs $runs --export-json "$data/h.json" "$*" >/dev/null 2>&1
    python3 -c 'import json,sys; r = json.load(open(sys.argv[1]))["results"][0]; print("%.4f %.4f" % (r["median"], r["min"]))' "$data/h.json"
  else
    for _ in 1 2; do "$@" >/dev/null 2>&1 || true; done
    for _ in $(seq 1 $runs); do
      start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
      python3 -c "print('%.4f' % ($end - $start))"
    done | sort -n | awk '{ a[NR] = $1 } END { printf "%.4f %.4f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2, a[1] }'
  fi
}

read -r curl_wall curl_min <<< "$(measure $curl_cmd)"
read -r gl_wall gl_min <<< "$(measure $gl_cmd)"
ratio=$(python3 -c "print('%.2f' % ($gl_wall / $curl_wall))")
ratio_min=$(python3 -c "print('%.2f' % ($gl_min / $curl_min))")

# One request: libcurl's own total, as curl -w and greenlight report it (median of 20).
curl_one=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | median)
gl_one=$(for _ in $(seq 1 20); do
  "$bin" probe --config "$data/one.yml" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["probes"][0]["response"]["timingsMilliseconds"]["total"] / 1000)'
done | median)
read -r curl_one_wall _ <<< "$(measure curl -s -o /dev/null "$url")"
read -r gl_one_wall _ <<< "$(measure "$bin" probe --config "$data/one.yml" --output /dev/null)"

{
  echo "# Probe benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: nproc $(nproc), $(uname -sm)"
  echo "- server: benchmarks/probe-server.py (asyncio, keep-alive) on 127.0.0.1"
  echo "- curl: $(curl --version | head -1 | cut -d' ' -f1-3)"
  echo "- greenlight: $("$bin" --version), project commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- method: median and fastest of $runs runs after 2 warm-ups ($(command -v hyperfine >/dev/null && hyperfine --version || echo 'bash loop'))"
  echo "- load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (the machine is shared; medians move with it)"
  echo
  echo "| $requests requests at concurrency $parallel | median wall (s) | ratio to curl | fastest (s) | ratio to curl |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| \`curl --parallel --parallel-max $parallel\` | $curl_wall | 1.00 | $curl_min | 1.00 |"
  echo "| \`greenlight probe\` (4 conditions per response, JSON parsed) | $gl_wall | $ratio | $gl_min | $ratio_min |"
  echo
  echo "| one request | curl | greenlight |"
  echo "| --- | ---: | ---: |"
  echo "| libcurl total (curl -w time_total / reported total), ms | $(python3 -c "print('%.3f' % ($curl_one * 1000))") | $(python3 -c "print('%.3f' % ($gl_one * 1000))") |"
  echo "| process wall time, ms | $(python3 -c "print('%.1f' % ($curl_one_wall * 1000))") | $(python3 -c "print('%.1f' % ($gl_one_wall * 1000))") |"
} > "$here/probe-results.md"
cat "$here/probe-results.md"
