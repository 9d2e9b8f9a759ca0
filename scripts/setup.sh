#!/usr/bin/env bash
# Install ocop_extract and its dependencies into the current Python.
# With --test, also what the test suite needs: the test extras, and a PostgreSQL
# server (Debian package postgresql) when no initdb is found. Idempotent: when
# everything is there it installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
if [ "${1:-}" = "--test" ]; then
    extras="[test]"
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
        echo "setup.sh: installing the PostgreSQL server for the database tests (apt-get install postgresql)" >&2
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    fi
fi
python3 -m pip install --quiet --disable-pip-version-check -e ".${extras}"
