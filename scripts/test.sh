#!/usr/bin/env bash
# The whole test suite: set up, lint, type-check, import rule, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system_packages.sh test
scripts/bootstrap.sh dev
PY=.venv/bin
echo "== ruff"; $PY/ruff check .
echo "== mypy"; $PY/mypy
echo "== import rule"; $PY/lint-imports --no-cache
echo "== translations"; $PY/python scripts/build_translations.py --check
echo "== pytest"
export QT_QPA_PLATFORM=offscreen
# The slowest tests are listed at the end: the suite should stay near 20 minutes.
exec $PY/pytest -q -p no:cacheprovider --durations=25 "$@"
