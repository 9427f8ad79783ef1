#!/usr/bin/env bash
# Creates .venv with Python 3.11/3.12 (pjsua2 wheels stop at 3.12) and installs
# Hatif into it. Usage: scripts/bootstrap.sh [extra]   (extra: desk (default), dev, server)
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA="${1:-desk}"
VENV=".venv"

pick_python() {
    for candidate in python3.11 python3.12 python3; do
        if command -v "$candidate" >/dev/null 2>&1; then
            if "$candidate" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 12) else 1)' 2>/dev/null; then
                echo "$candidate"; return 0
            fi
        fi
    done
    return 1
}

if [ ! -x "$VENV/bin/python" ]; then
    PY="$(pick_python)" || { echo "hatif: Python 3.11 or 3.12 is required (pjsua2 wheels stop at 3.12)." >&2; exit 1; }
    if ! "$PY" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
            "$PY" -m venv "$VENV"
        else
            echo "hatif: '$PY -m venv' failed; install the Debian package python3-venv (sudo apt-get install python3-venv)." >&2
            exit 1
        fi
    fi
    "$VENV/bin/python" -m pip install -q --upgrade pip
fi

STAMP="$VENV/.installed-${EXTRA:-base}"
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
    if [ -n "$EXTRA" ]; then
        "$VENV/bin/python" -m pip install -q -e ".[$EXTRA]"
    else
        "$VENV/bin/python" -m pip install -q -e .
    fi
    touch "$STAMP"
fi
