#!/usr/bin/env bash
# Installs the system libraries Greenlight links (libgit2, libcurl, SQLite, libcrypto, libyaml)
# when missing, and the tools its tests use (git, openssl, python3's jsonschema module for the
# SARIF schema test).
# Sourced by demo.sh and test.sh; safe to run again.
set -euo pipefail
missing=()
for pair in libgit2:libgit2-dev libcurl:libcurl4-openssl-dev sqlite3:libsqlite3-dev libcrypto:libssl-dev \
  yaml-0.1:libyaml-dev; do
  pkg-config --exists "${pair%%:*}" 2>/dev/null || missing+=("${pair##*:}")
done
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)   # the probe tests' HTTPS server
command -v curl >/dev/null 2>&1 || missing+=(curl)         # the install step's test downloads a release
# The SARIF test validates against the published schema with python3's jsonschema module.
python3 -c 'import jsonschema' >/dev/null 2>&1 || missing+=(python3-jsonschema)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
