#!/usr/bin/env bash
# Sets up and starts the desktop app on its embedded default: a local server on
# SQLite with the demo shop, signed in as a demo agent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system_packages.sh run
scripts/bootstrap.sh
exec .venv/bin/hatif --demo "$@"
