#!/usr/bin/env bash
# Refresh constraints.txt: install the newest releases that pyproject.toml allows, every extra
# included, into a new virtual environment, and pin what was installed. Run the tests with the
# new pins (bash scripts/test.sh) before committing the file.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
"${PYTHON:-python3}" -m venv "$venv"
extras=$("$venv/bin/python" - <<'PY'
import tomllib
with open("pyproject.toml", "rb") as f:
    print(",".join(sorted(tomllib.load(f)["project"]["optional-dependencies"])))
PY
)
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[$extras]"
{
    echo "# Tested versions of every dependency, extras included: scripts/setup.sh installs with"
    echo "# these by default. Made by scripts/lock.sh with $("$venv/bin/python" -V)."
    "$venv/bin/python" -m pip freeze --exclude-editable --disable-pip-version-check | grep -v -i '^ocop[-_]extract'
} > constraints.txt
echo "lock.sh: constraints.txt pins $(grep -vc '^#' constraints.txt) packages" >&2
