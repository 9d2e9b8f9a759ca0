#!/usr/bin/env bash
# Install ocop_extract and its dependencies into the current Python.
# With --test, also what the test suite needs.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"
python3 -m pip install --quiet --disable-pip-version-check -e ".${extras}"
