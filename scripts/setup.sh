#!/usr/bin/env bash
# Install ocop_extract and its dependencies into the current Python, at the tested versions
# pinned in constraints.txt. Idempotent: when everything is there it installs nothing.
#   --test    also what the test suite needs: the test extras, a PostgreSQL server
#             (Debian package postgresql) when no initdb is found, and a headless browser
#             (Debian packages chromium, fonts-liberation) when no chromium is found
#   --latest  ignore constraints.txt and take the newest release of every dependency
#             (to try the package against new releases; see README, "Dependencies, and why")
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
extras="" ; latest=""
for arg in "$@"; do
    case "$arg" in
        --test) extras="[test]" ;;
        --latest) latest=1 ;;
        *) echo "setup.sh: unknown option $arg (use --test, --latest)" >&2; exit 2 ;;
    esac
done

# A Python whose packages belong to the operating system (Debian's, PEP 668) refuses pip
# outside a virtual environment: say what to do instead of letting pip fail.
if "$python" - <<'PY'
import os, sys, sysconfig
managed = os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED"))
in_venv = sys.prefix != sys.base_prefix
sys.exit(0 if managed and not in_venv and not os.environ.get("PIP_BREAK_SYSTEM_PACKAGES") else 1)
PY
then
    cat >&2 <<MSG
setup.sh: $("$python" -c 'import sys; print(sys.executable)') is managed by the operating system and
refuses to install packages outside a virtual environment. Make one, activate it, and run
the same command again:

    python3 -m venv .venv && . .venv/bin/activate

(Debian: if venv is missing, apt-get install python3-venv.)
MSG
    exit 1
fi
if ! "$python" -m pip --version >/dev/null 2>&1; then
    echo "setup.sh: $python has no pip; install it (Debian: apt-get install python3-pip) or use a virtual environment" >&2
    exit 1
fi

# The programs the readers of scanned PDFs and .doc files call (Debian packages, where apt exists);
# the tests also need the DejaVu fonts to write their PDFs.
debs=()
command -v tesseract >/dev/null 2>&1 || debs+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -qx vie || debs+=(tesseract-ocr-vie)
command -v antiword >/dev/null 2>&1 || debs+=(antiword)
[ -n "$extras" ] && [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] && debs+=(fonts-dejavu-core)
if [ ${#debs[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup.sh: installing ${debs[*]} (OCR of scanned PDFs, .doc files, test fonts)" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${debs[@]}" >/dev/null
fi

if [ -n "$extras" ]; then
    packages=()
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
        packages+=(postgresql)            # the database tests start a private server
    fi
    if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
        packages+=(chromium fonts-liberation)   # the report test opens the page in headless Chromium
    fi
    if [ ${#packages[@]} -gt 0 ]; then
        echo "setup.sh: installing what the tests need (apt-get install ${packages[*]})" >&2
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    fi
fi

pins=(-c constraints.txt)
[ -n "$latest" ] && pins=(--upgrade --upgrade-strategy eager)
"$python" -m pip install --quiet --disable-pip-version-check "${pins[@]}" -e ".${extras}"
