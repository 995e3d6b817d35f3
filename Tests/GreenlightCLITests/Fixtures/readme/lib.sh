# Shared by the README examples' repository builders: a fresh repository in $1 with fixed
# names and dates, so the same commit ids on every run. Sourced, not run.
set -euo pipefail
dir=${1:?usage: NAME.sh DIR}
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
export GIT_AUTHOR_NAME="Demo Team" GIT_AUTHOR_EMAIL="team@demo.invalid"
export GIT_COMMITTER_NAME="Demo Team" GIT_COMMITTER_EMAIL="team@demo.invalid"
export GIT_CONFIG_NOSYSTEM=1 HOME="$dir/.home"
git init -q -b main .
git config commit.gpgsign false

commit() { # commit MESSAGE DATE
  git add -A
  GIT_AUTHOR_DATE="$2" GIT_COMMITTER_DATE="$2" git commit -q -m "$1"
}

# write PATH: standard input into PATH, folders made.
write() {
  mkdir -p "$(dirname "$1")"
  cat > "$1"
}
