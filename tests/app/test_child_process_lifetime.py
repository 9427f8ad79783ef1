"""A killed Hatif leaves no demo line (SIPp) answering behind it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("sipp") is None,
    reason="the parent-death signal is Linux's; the demo line needs SIPp",
)

_DESK = """
import sys, time
from pathlib import Path
from app.services.demo_line import start_demo_line
line = start_demo_line(Path(sys.argv[1]))
print(line.process.pid if line else 0, flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"  # a zombie has ended


def test_demo_line_ends_when_hatif_is_killed(tmp_path: Path) -> None:
    desk = subprocess.Popen(
        [sys.executable, "-c", _DESK, str(tmp_path / "demo-line")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert desk.stdout is not None
        sipp_pid = int(desk.stdout.readline().strip() or 0)
        assert sipp_pid, "the demo line did not start"
        assert _alive(sipp_pid)
        desk.send_signal(signal.SIGKILL)  # no chance to stop its children itself
        desk.wait(10)
        deadline = time.monotonic() + 10
        while _alive(sipp_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(sipp_pid), "SIPp kept answering after Hatif was killed"
    finally:
        if desk.poll() is None:
            desk.kill()
            desk.wait(10)
