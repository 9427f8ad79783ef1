"""SIGTERM and SIGINT close the real window from any state, the sign-in dialog open
included, without a crash report; the crash notice of a real crash is translated."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.crash_report import collect_previous_crashes
from tests.app.desk_environment import Desk, make_desk
from tests.app.test_single_instance import wait_for
from ui.translations import install_language

EXIT_WITHIN_S = 5.0


def _desk_at_the_sign_in_dialog(tmp_path: Path) -> tuple[Desk, subprocess.Popen[str]]:
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg")
    # A server that is not there: the dialog waits for the agent.
    process = desk.start("--set", "server.url=http://127.0.0.1:9")
    wait_for(lambda: "Sign-in dialog open" in desk.log_text() or process.poll() is not None,
             90, "the sign-in dialog")
    assert process.poll() is None, desk.console_text()[-3000:]
    time.sleep(0.5)  # the dialog's own event loop is running
    return desk, process


def _exit_time(process: subprocess.Popen[str], signum: int) -> float:
    started = time.monotonic()
    process.send_signal(signum)
    try:
        process.wait(EXIT_WITHIN_S + 10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(20)
        pytest.fail(f"{signal.Signals(signum).name} left the window running")
    return time.monotonic() - started


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_window_with_the_sign_in_dialog_open(
        tmp_path: Path, signum: int) -> None:
    desk, process = _desk_at_the_sign_in_dialog(tmp_path)

    elapsed = _exit_time(process, signum)

    assert elapsed < EXIT_WITHIN_S, f"exit took {elapsed:.1f} s"
    assert process.returncode == 0, desk.console_text()[-3000:]
    assert f"{signal.Signals(signum).name} received: closing Hatif" in desk.log_text()
    # No crash report: the next start must not tell the agent Hatif crashed.
    assert collect_previous_crashes(desk.paths.crash_dir) == []
    assert "Traceback" not in desk.console_text()


def test_the_crash_notice_is_in_the_agents_language(qapp: QApplication) -> None:
    text = "Hatif closed unexpectedly last time. A report was saved in %1."
    translators = install_language(qapp, "fr")
    try:
        french = QCoreApplication.translate("DesktopApp", text)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert french.startswith("Hatif s'est fermé de façon inattendue")
