#!/usr/bin/env bash
# Debian packages the tests need: Chromium (browser tests) and PostgreSQL (store contract tests).
# Installs only what is missing, so a second run costs nothing. Never downloads a browser of its own.
# Where nothing can be installed (no apt-get, not root and no sudo), it says so and the tests that
# need the packages skip with a reason.
set -uo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "warning: cannot install ${missing[*]} (not root, no sudo): their tests will skip" >&2; exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "warning: no apt-get to install ${missing[*]}: their tests will skip" >&2; exit 0
fi
echo "installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || echo "warning: apt-get update failed" >&2
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "warning: could not install ${missing[*]}: their tests will skip" >&2
fi
exit 0
