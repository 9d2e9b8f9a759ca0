#!/usr/bin/env bash
# The README's test command: install what the tests need (idempotent), then run the whole suite.
# OCOP_LATEST=1 installs the newest release of every dependency instead of the pinned ones.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test ${OCOP_LATEST:+--latest}
"${PYTHON:-python3}" -m pytest "$@"
