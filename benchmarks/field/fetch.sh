#!/usr/bin/env bash
# Brings every manifest repository into CORPUS/OWNER+NAME as a bare, blob-filtered clone (files
# over 1 MiB are left out, as Greenlight's default size cap would skip them anyway) and checks
# that its pinned commit is there. Safe to run again: present repositories are only checked.
#
#   benchmarks/field/fetch.sh CORPUS
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus="${1:?usage: fetch.sh CORPUS}"
mkdir -p "$corpus"
failed=0
while IFS=$'\t' read -r repo commit kind; do
  [ "$repo" = repository ] && continue
  dir="$corpus/${repo/\//+}"
  if [ ! -d "$dir" ]; then
    git clone --quiet --bare --filter=blob:limit=1m "https://github.com/$repo.git" "$dir" || { failed=$((failed + 1)); continue; }
  fi
  if ! git --git-dir="$dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    git --git-dir="$dir" fetch --quiet origin "$commit" || true
  fi
  git --git-dir="$dir" cat-file -e "$commit^{commit}" 2>/dev/null || { echo "missing: $repo $commit" >&2; failed=$((failed + 1)); }
done < "$here/manifest.tsv"
[ "$failed" -eq 0 ] || { echo "fetch.sh: $failed repositories could not be brought at their pinned commit" >&2; exit 1; }
