#!/usr/bin/env bash
# Run by `npm test` before the tests (package.json "pretest"): tests/release/nginx.test.ts runs the real nginx
# (Debian's nginx-light) with deploy/nginx.conf. When it is missing and this machine can install it (root, with
# apt-get), it is installed; otherwise one line says how, and that test fails naming what is missing.
set -uo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "compbot: installing nginx-light (Debian's package) for tests/release/nginx.test.ts" >&2
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; then
    exit 0
  fi
  echo "compbot: nginx-light could not be installed; tests/release/nginx.test.ts will fail" >&2
else
  echo "compbot: nginx is not installed; tests/release/nginx.test.ts needs it (Debian: sudo apt-get install nginx-light)" >&2
fi
exit 0
