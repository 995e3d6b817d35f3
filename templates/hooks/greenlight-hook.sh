#!/bin/sh
# greenlight:hook v1 — installed by `greenlight hook install` as the {{hook_name}} hook.
# Runs the readiness gate on what is staged, against HEAD: `greenlight check --staged
# --diff-base HEAD` reports what the commit brings, not the repository's old findings (a
# baseline at the root is read too). A {{hook_name}}
# hook that was here before was moved to {{chained_name}}; it runs first, and its failure
# stops the commit. Skip both once with `git commit --no-verify`.
hooks=$(dirname "$0")
if [ -x "$hooks/{{chained_name}}" ]; then
  "$hooks/{{chained_name}}" "$@" || exit $?
fi
if [ -n "${GREENLIGHT:-}" ]; then
  greenlight=$GREENLIGHT
elif command -v greenlight >/dev/null 2>&1; then
  greenlight=greenlight
elif [ -x '{{greenlight_path}}' ]; then
  greenlight='{{greenlight_path}}'
else
  echo "greenlight: not found on PATH; install it, set GREENLIGHT=/path/to/greenlight, or commit with --no-verify" >&2
  exit 1
fi
exec "$greenlight" check --staged --diff-base HEAD
