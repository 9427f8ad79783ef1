"""A crash leaves a report next to the logs, and the next start says where it is."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from app.crash_report import collect_previous_crashes, install_crash_handler
from tests.app.desk_environment import REPO_ROOT, make_desk

_SEGFAULTING_CHILD = textwrap.dedent("""
    import ctypes, sys
    from pathlib import Path
    from app.crash_report import install_crash_handler
    install_crash_handler(Path(sys.argv[1]))
    def read_through_a_null_pointer():
        return ctypes.string_at(0)
    read_through_a_null_pointer()
""")


def test_segfault_is_reported_at_the_next_start(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg")
    crashed = subprocess.run(
        [sys.executable, "-c", _SEGFAULTING_CHILD, str(desk.paths.crash_dir)],
        cwd=REPO_ROOT, env=desk.env, capture_output=True, text=True, timeout=60, check=False)
    assert crashed.returncode != 0
    reports = list(desk.paths.crash_dir.glob("crash-*.txt"))
    assert len(reports) == 1
    content = reports[0].read_text()
    assert "Segmentation fault" in content
    assert "read_through_a_null_pointer" in content

    next_start = desk.run("--self-test")

    expected = reports[0].with_name(reports[0].stem + "-reported.txt")
    assert f"a previous run crashed; its crash report is {expected}" in next_start.stderr
    assert expected.read_text() == content
    assert f"its report is {expected}" in desk.log_text()
    # Said once: the start after that is quiet about it.
    assert "previous run crashed" not in desk.run("--self-test").stderr


def test_clean_exit_leaves_no_crash_file(tmp_path: Path) -> None:
    handler = install_crash_handler(tmp_path)
    assert handler.path.exists()
    handler.close()
    assert not handler.path.exists()
    assert collect_previous_crashes(tmp_path) == []


def test_uncaught_exception_is_written_to_the_crash_file(tmp_path: Path) -> None:
    child = ("import sys; from pathlib import Path\n"
             "from app.crash_report import install_crash_handler\n"
             "install_crash_handler(Path(sys.argv[1]))\n"
             "raise LookupError('order 42 vanished')\n")
    result = subprocess.run([sys.executable, "-c", child, str(tmp_path)], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    found = collect_previous_crashes(tmp_path)
    assert len(found) == 1
    assert "LookupError: order 42 vanished" in found[0].read_text()


def test_a_secret_in_an_uncaught_exception_never_reaches_the_crash_file(tmp_path: Path) -> None:
    child = ("import sys; from pathlib import Path\n"
             "from app.crash_report import install_crash_handler\n"
             "from app.logging_setup import SecretRedactor\n"
             "redactor = SecretRedactor(); redactor.add('Zk9-tok3n-Qp')\n"
             "install_crash_handler(Path(sys.argv[1]), redactor.redact)\n"
             "raise PermissionError('server refused token Zk9-tok3n-Qp')\n")
    result = subprocess.run([sys.executable, "-c", child, str(tmp_path)], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    found = collect_previous_crashes(tmp_path)
    assert len(found) == 1
    text = found[0].read_text()
    assert "PermissionError: server refused token" in text
    assert "Zk9-tok3n-Qp" not in text
