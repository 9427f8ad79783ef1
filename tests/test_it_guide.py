"""The IT guide's server unit is one systemd accepts, and keeps the database password
in a root-only EnvironmentFile (the nginx block is run for real in
tests/ui/test_server_behind_tls_proxy.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "it-guide.md").read_text(encoding="utf-8")
UNIT_PATH = "/etc/systemd/system/hatif-server.service"


def _unit() -> str:
    found = re.search(r"```ini\n# " + re.escape(UNIT_PATH) + r"\n(.*?)```", GUIDE, re.S)
    assert found is not None, "the guide has no hatif-server unit"
    return found.group(1)


def test_the_unit_waits_for_the_network_and_reads_a_private_environment_file() -> None:
    unit = _unit()
    assert "Wants=network-online.target" in unit
    assert "EnvironmentFile=/etc/hatif/server.env" in unit
    assert "PASSWORD" not in unit  # the password lives in the EnvironmentFile only
    assert "User=hatif" in unit
    # The guide creates that user, the file with mode 0600, and the working directory.
    assert "useradd --system --home-dir /var/lib/hatif" in GUIDE
    assert "install -o root -g root -m 0600 /dev/null /etc/hatif/server.env" in GUIDE
    assert 'pip install "dist/hatif-<version>-py3-none-any.whl[server]"' in GUIDE


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is missing")
    executable = tmp_path / "hatif-server"
    executable.write_text("#!/bin/sh\n")
    executable.chmod(0o755)
    unit = tmp_path / "hatif-server.service"
    unit.write_text(_unit().replace("/opt/hatif-server/venv/bin/hatif-server", str(executable)))

    result = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True,
                            timeout=60, check=False)

    assert result.returncode == 0, result.stderr
    assert "hatif-server.service" not in result.stderr, result.stderr
