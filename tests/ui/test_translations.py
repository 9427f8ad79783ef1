"""The shipped catalogues cover every interface string and the .qm are fresh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_translations_are_complete_and_compiled() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/build_translations.py", "--check"],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
