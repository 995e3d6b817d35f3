#!/usr/bin/env bash
# Field benchmark runner: checks every repository of manifest.tsv at its pinned commit, with the
# default configuration and with the one `greenlight init` drafts for it, and records the
# findings (JSON), the exit code, the wall time and the peak memory of each run.
#
#   benchmarks/field/run.sh --corpus DIR [--greenlight BIN] [--mode default|init|both] [REPO...]
#
# DIR holds one git repository per manifest line, at DIR/OWNER+NAME (a bare repository, a
# folder with .git, or DIR/OWNER+NAME/repo). A repository or a pinned commit missing from DIR
# stops the run before anything is checked, naming every missing one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus="${GREENLIGHT_FIELD_CORPUS:-}"
bin=""
mode=both
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --greenlight) bin="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) only+=("$1"); shift ;;
  esac
done
case "$mode" in default|init|both) ;; *) echo "run.sh: --mode is default, init or both" >&2; exit 2 ;; esac
if [ -z "$corpus" ]; then
  echo "run.sh: say where the repositories are: --corpus DIR (or GREENLIGHT_FIELD_CORPUS)" >&2
  exit 2
fi
if [ -z "$bin" ]; then
  bin="$root/.build/release/greenlight"
  [ -x "$bin" ] || (cd "$root" && swift build -c release >&2)
fi
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

# The clock every run sees, so that two runs over the same corpus give the same findings.
now="2026-12-06T00:00:00Z"
out="$here/out"

gitdir_of() {   # OWNER/NAME -> its git directory, or nothing
  local base="$corpus/${1/\//+}"
  for candidate in "$base/repo" "$base/.git" "$base"; do
    if [ -d "$candidate" ] && git --git-dir="$candidate" rev-parse --git-dir >/dev/null 2>&1; then
      echo "$candidate"; return
    fi
  done
}

# Read the manifest once; fail loudly on anything missing before running anything.
declare -a repos commits
missing=0
while IFS=$'\t' read -r repo commit kind; do
  [ "$repo" = repository ] && continue
  [ -z "$repo" ] && continue
  if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qxF "$repo"; then continue; fi
  dir=$(gitdir_of "$repo")
  if [ -z "$dir" ]; then
    echo "missing: $repo (expected a git repository at $corpus/${repo/\//+})" >&2; missing=$((missing + 1)); continue
  fi
  if ! git --git-dir="$dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "missing: $repo has no commit $commit" >&2; missing=$((missing + 1)); continue
  fi
  repos+=("$repo"); commits+=("$commit")
done < "$here/manifest.tsv"
if [ "$missing" -gt 0 ]; then
  echo "run.sh: $missing manifest repositories are missing; fetch them first (see README.md)" >&2
  exit 2
fi
[ ${#repos[@]} -gt 0 ] || { echo "run.sh: no manifest repository matched" >&2; exit 2; }

check() {   # mode repo commit gitdir [config]
  local m="$1" repo="$2" commit="$3" dir="$4" config="${5:-}" slug="${2/\//+}"
  mkdir -p "$out/$m"
  local args=(check --repo "$dir" --rev "$commit" --no-history --no-live --now "$now"
              --format json --output "$out/$m/$slug.json")
  [ -n "$config" ] && args+=(--config "$config")
  rm -f "$out/$m/$slug.json"
  local rc=0
  /usr/bin/time -o "$out/$m/$slug.time" -f '%e %M' "$bin" "${args[@]}" 2>"$out/$m/$slug.stderr" >/dev/null || rc=$?
  local stats code=$rc
  stats=$(tail -1 "$out/$m/$slug.time"); rm -f "$out/$m/$slug.time"
  # shellcheck disable=SC2086  # two fields: seconds and peak KB
  printf '%s\t%s\t%s\t%s\t%s\n' "$repo" "$commit" "$code" ${stats} >> "$out/$m/runs.tsv"
  printf '%-8s %-40s exit %s  %ss  %s KB\n' "$m" "$repo" "$code" ${stats} >&2
}

for m in default init; do
  [ "$mode" = both ] || [ "$mode" = "$m" ] || continue
  mkdir -p "$out/$m"
  printf 'repository\tcommit\texit\tseconds\tpeak_kb\n' > "$out/$m/runs.tsv"
done

for i in "${!repos[@]}"; do
  repo="${repos[$i]}"; commit="${commits[$i]}"; dir=$(gitdir_of "$repo")
  if [ "$mode" != init ]; then
    check default "$repo" "$commit" "$dir"
  fi
  if [ "$mode" != default ]; then
    # init drafts its configuration from a work tree: a throwaway checkout of the pinned commit.
    tmp=$(mktemp -d)
    git clone --quiet --shared --no-checkout "$dir" "$tmp/w"
    # Files whose blobs the mirror lacks (a partial snapshot) stay out of the checkout.
    {
      printf '/*\n'
      git -C "$tmp/w" ls-tree -r -z "$commit" | python3 -c '
import subprocess, sys
entries = [e.split("\t", 1) for e in sys.stdin.buffer.read().decode("utf-8", "replace").split("\0") if e]
blobs = [(meta.split()[2], path) for meta, path in entries if meta.split()[1] == "blob"]
out = subprocess.run(["git", "cat-file", "--batch-check"], input="".join(oid + "\n" for oid, _ in blobs),
                     capture_output=True, text=True, cwd=sys.argv[1]).stdout.splitlines()
for (oid, path), line in zip(blobs, out):
    if line.endswith(" missing"):
        print("!/" + "".join("\\" + c if c in "*?[]!#\\" else c for c in path))
' "$tmp/w"
    } > "$tmp/sparse"
    git -C "$tmp/w" config core.sparseCheckout true
    mkdir -p "$tmp/w/.git/info" && cp "$tmp/sparse" "$tmp/w/.git/info/sparse-checkout"
    git -C "$tmp/w" -c advice.detachedHead=false checkout --quiet "$commit"
    slug="${repo/\//+}"
    mkdir -p "$out/init"
    if "$bin" init --repo "$tmp/w" --force >"$out/init/$slug.init.log" 2>&1; then
      cp "$tmp/w/.greenlight.yml" "$out/init/$slug.greenlight.yml"
      check init "$repo" "$commit" "$dir" "$out/init/$slug.greenlight.yml"
    else
      echo "init failed on $repo: $(tail -1 "$out/init/$slug.init.log")" >&2
      printf '%s\t%s\tinit-failed\t0\t0\n' "$repo" "$commit" >> "$out/init/runs.tsv"
    fi
    rm -rf "$tmp"
  fi
done
echo "findings in $out; score them with: python3 $here/score.py" >&2
