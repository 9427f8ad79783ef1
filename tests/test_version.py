"""One version, written once (core/version.py), reported the same everywhere."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from app.bundle_info import app_version
from core.version import VERSION
from server.version import server_version

ROOT = Path(__file__).resolve().parents[1]


def test_desk_and_server_report_the_single_version() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+([.-]?\w+)?", VERSION)
    assert app_version() == server_version() == VERSION
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]


def test_hatif_version_prints_it() -> None:
    result = subprocess.run([sys.executable, "-m", "app.main", "--version"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == f"hatif {VERSION}"


def test_a_release_tag_on_this_commit_agrees_with_the_version() -> None:
    tags = subprocess.run(["git", "tag", "--points-at", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True, timeout=30, check=False).stdout.split()
    for tag in tags:
        if re.fullmatch(r"v\d+\..*", tag):
            assert tag == f"v{VERSION}", f"tag {tag} but core/version.py says {VERSION}"
