#!/usr/bin/env bash
# Set up inbeeld in ./.venv (once) and run it: `bash run.sh demo` or `bash run.sh test`.
# Works on a fresh Debian machine with Python 3.11; as root it installs the few system packages
# that are missing (venv support, Pango for the PDF report, poppler for looking at PDF pages).
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
SYSTEM_PACKAGES=(python3-venv python3-dev build-essential libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils)
# the browser tests drive Debian's Chromium (they skip, saying so, where it is missing)
[ "${1:-}" = test ] && SYSTEM_PACKAGES+=(chromium)

need_system_packages() {
  "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || return 0
  ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || return 0
  ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || return 0
  if [ "${1:-}" = test ]; then command -v chromium >/dev/null || return 0; fi
  return 1
}

if need_system_packages "${1:-}"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "run.sh: installing system packages: ${SYSTEM_PACKAGES[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${SYSTEM_PACKAGES[@]}" >/dev/null
  else
    echo "run.sh: please install: sudo apt-get install ${SYSTEM_PACKAGES[*]}" >&2
    exit 1
  fi
fi

"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "run.sh: inbeeld needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version))" >&2; exit 1; }

stamp="$VENV/.installed"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e '.[dev]'
  # de-identification builds deduce's lookup cache once (~75 s); do it here, not in a worker
  "$VENV/bin/python" -c 'from inbeeld.deid import load_pipeline; load_pipeline()' >/dev/null
  touch "$stamp"
fi

command=${1:-}
shift || true
case "$command" in
  demo) exec "$VENV/bin/inbeeld" demo "$@" ;;
  test) exec "$VENV/bin/python" -m pytest "$@" ;;
  setup) echo "run.sh: ready: $VENV/bin/inbeeld" ;;
  *) echo "usage: bash run.sh demo|test|setup [arguments]" >&2; exit 2 ;;
esac
