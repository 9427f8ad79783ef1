"""One instance per user: a second ``hatif`` asks the running one to come forward and exits."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer

from app.single_instance import SingleInstance, server_name_for
from tests.app.desk_environment import make_desk


def stop_process(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


def wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_second_launch_brings_the_first_window_forward(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg")
    first = desk.start()
    try:
        wait_for(lambda: "Single-instance guard listening" in desk.log_text()
                  or first.poll() is not None, 60, "the first window")
        assert first.poll() is None, desk.console_text()

        started = time.monotonic()
        second = desk.run(timeout=60)
        took = time.monotonic() - started

        assert second.returncode == 0, second.stderr
        assert "Hatif is already running; its window was brought forward." in second.stderr
        assert took < 30
        wait_for(lambda: "asked this window to come forward" in desk.log_text(), 20,
                  "the first window to hear the request")
        assert first.poll() is None  # the first instance keeps running
    finally:
        stop_process(first)


def test_another_profile_is_another_instance(tmp_path: Path) -> None:
    assert server_name_for(tmp_path / "a") != server_name_for(tmp_path / "b")
    assert server_name_for(tmp_path / "a") == server_name_for(tmp_path / "a")


def test_a_stale_socket_left_by_a_crash_is_taken_over(
        tmp_path: Path, qapp: QCoreApplication) -> None:
    name = server_name_for(tmp_path)
    leftover = QLocalServer()
    assert leftover.listen(name)
    socket_file = Path(leftover.fullServerName())
    leftover.close()  # a crashed instance leaves the socket file behind; recreate it
    socket_file.touch()

    guard = SingleInstance(name)
    assert not guard.ask_running_instance(timeout_ms=500)
    assert guard.listen()
    guard.close()
