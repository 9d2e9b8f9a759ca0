#!/usr/bin/env bash
# The README's test command: install what the tests need (idempotent), then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
python3 -m pytest "$@"
