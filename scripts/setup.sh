#!/usr/bin/env bash
# Install ocop_extract and its test dependencies into the current Python.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
