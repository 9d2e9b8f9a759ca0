#!/usr/bin/env bash
# The test command of the README: the whole suite, doctests included.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pytest -q --doctest-modules ocop_extract tests "$@"
