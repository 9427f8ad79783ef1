"""The PyInstaller bundle: built once from build.spec, measured, and run for real.

The frozen ``hatif`` runs its self-test against a real server, places a real call
to SIPp on pjsua2's null audio device, and opens its window (a second frozen
launch brings it forward), so a module, plugin or library left out of the
bundle shows up here rather than on an agent's desk.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.bundle_info import app_version
from server.version import server_version
from tests.app.desk_environment import REPO_ROOT, make_desk
from tests.app.test_single_instance import stop_process, wait_for
from tests.fixtures.server_process import RunningServer
from tests.fixtures.sip_peers import SippLauncher

MB = 1_000_000
# Measured on Linux x86-64, PySide6 6.10, Python 3.11: 165 MB unpacked, 74 MB as .tar.gz
# (docs/it-guide.md, "Bundle size"). The bound catches a regression (a Qt module or
# library dragged back in) and leaves room for the full ICU data when icu-devtools is
# missing on the build machine (188 MB); it is not the 120 MB target.
MAX_UNPACKED_BYTES = 200 * MB
BUILD_TIMEOUT_S = 600
# The suite's 300 s per-test limit (pyproject) also counts the module's bundle build
# in the first test's setup: ~250 s on an idle 2-core machine, more when the rest of
# the suite or other work loads it. The build has its own bound; this one is above it.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT_S + 120)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``dist/hatif`` built from build.spec in a temp dir (once for this module)."""
    work = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), "build.spec"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    folder = work / "dist" / "hatif"
    assert (folder / "hatif").is_file()
    yield folder
    shutil.rmtree(work, ignore_errors=True)


def _unpacked_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def test_bundle_size(bundle: Path) -> None:
    unpacked = _unpacked_size(bundle)
    print(f"\nbundle: {unpacked / MB:.1f} MB unpacked")
    assert unpacked < MAX_UNPACKED_BYTES
    internal = bundle / "_internal"
    assert list((internal / "pjsua2").glob("_pjsua2*"))  # collected explicitly
    assert not list(internal.rglob("*WebEngine*"))
    assert not list(internal.rglob("libQt6Quick*"))
    assert not list(internal.rglob("libavcodec*"))


def test_frozen_self_test_reports_as_json(
        bundle: Path, tmp_path: Path, sqlite_url: str,
        server_process_factory: Callable[..., RunningServer]) -> None:
    server = server_process_factory(sqlite_url)
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg",
                     program=(str(bundle / "hatif"),))

    result = desk.run("--self-test", "--json", "--server-url", server.base_url)

    report = json.loads(result.stdout)
    checks = {check["name"]: check for check in report["checks"]}
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert report["ok"] is True
    assert checks["bundle"]["details"]["frozen"] is True
    assert checks["bundle"]["details"]["version"] == app_version()
    assert checks["bundle"]["details"]["pjsua2"]
    assert checks["bundle"]["details"]["collation"] is True  # the trimmed ICU data works
    assert checks["bundle"]["status"] == "pass"
    assert checks["server"]["details"]["version"] == server_version()
    assert checks["keyring"]["status"] == "warn"  # the explicit plaintext test keyring
    assert checks["audio"]["status"] in ("pass", "warn")
    settings = {row["name"]: row for row in checks["configuration"]["details"]["settings"]}
    assert settings["server.url"]["source"] == "command line --server-url"


@pytest.mark.sip
def test_frozen_app_places_a_real_call_to_sipp(
        bundle: Path, tmp_path: Path, sipp: SippLauncher) -> None:
    callee = sipp.start("uas_answer_agent_hangup", {"RING_MS": 200})
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg",
                     program=(str(bundle / "hatif"),))

    result = desk.run("--self-test", "--json", "--call", callee.uri("echo"), timeout=90)

    call = next(c for c in json.loads(result.stdout)["checks"] if c["name"] == "call")
    assert call["status"] == "pass", call
    assert call["details"]["outcome"] == "answered"
    assert call["details"]["sip_code"] == 200
    assert callee.wait(20) == 0, callee.errors()


def test_frozen_window_opens_and_a_second_launch_brings_it_forward(
        bundle: Path, tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg",
                     program=(str(bundle / "hatif"),))
    first = desk.start()
    try:
        wait_for(lambda: "Single-instance guard listening" in desk.log_text()
                 or first.poll() is not None, 60, "the frozen window")
        assert first.poll() is None, desk.console_text()[-3000:]
        second = desk.run(timeout=60)
        assert second.returncode == 0, second.stderr[-2000:]
        assert "already running" in second.stderr
        wait_for(lambda: "asked this window to come forward" in desk.log_text(), 20,
                 "the frozen window to hear the request")
    finally:
        stop_process(first)
