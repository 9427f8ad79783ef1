"""A throw-away desk for running the real ``hatif`` command in a child process.

Every platformdirs location (system and user settings, data, logs) is moved
under one temp folder through the XDG variables, so tests never touch the
machine's real files and never collide with other tests running at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from app.app_paths import APP_NAME, SETTINGS_FILE_NAME, AppPaths

REPO_ROOT = Path(__file__).resolve().parents[2]
HATIF = [sys.executable, "-m", "app.main"]


@dataclass
class Desk:
    root: Path
    env: dict[str, str]
    paths: AppPaths
    program: tuple[str, ...] = tuple(HATIF)  # or the frozen bundle's executable

    def run(self, *args: str, timeout: float = 60.0,
            extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """Run ``hatif ARGS`` to completion (bounded)."""
        return subprocess.run(
            [*self.program, *args], cwd=REPO_ROOT, env={**self.env, **(extra_env or {})},
            capture_output=True, text=True, timeout=timeout, check=False)

    def start(self, *args: str) -> subprocess.Popen[str]:
        """Start ``hatif ARGS`` in the background (output in ``console.log``); the
        caller must end it."""
        with (self.root / "console.log").open("a") as console:
            return subprocess.Popen(
                [*self.program, *args], cwd=REPO_ROOT, env=self.env,
                stdin=subprocess.DEVNULL, stdout=console, stderr=subprocess.STDOUT, text=True)

    def console_text(self) -> str:
        path = self.root / "console.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def files_on_disk(self) -> list[Path]:
        """Every file Hatif could have written for this desk."""
        return [p for p in self.root.rglob("*") if p.is_file() and p.name != "console.log"]

    def log_text(self) -> str:
        return "".join(p.read_text(errors="replace")
                       for p in sorted(self.paths.log_dir.glob("hatif.log*")))


def make_desk(root: Path, keyring_file: Path | None,
              program: tuple[str, ...] = tuple(HATIF)) -> Desk:
    """A desk under ``root``; ``keyring_file`` is the test file keyring, None for no keyring."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("HATIF_", "KEYRING_PROPERTY_", "XDG_"))}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no Secret Service from the machine's session
    env.update({
        "HOME": str(root / "home"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_CONFIG_DIRS": str(root / "etc"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_STATE_HOME": str(root / "state"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO_ROOT),
    })
    if keyring_file is None:
        env.pop("PYTHON_KEYRING_BACKEND", None)
    else:
        env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        env["KEYRING_PROPERTY_FILE_PATH"] = str(keyring_file)
    (root / "home").mkdir(parents=True, exist_ok=True)
    paths = AppPaths(
        system_settings_file=root / "etc" / APP_NAME / SETTINGS_FILE_NAME,
        user_settings_file=root / "config" / APP_NAME / SETTINGS_FILE_NAME,
        data_dir=root / "data" / APP_NAME,
        log_dir=root / "state" / APP_NAME / "log",
    )
    return Desk(root, env, paths, program)


@pytest.fixture
def session_keyring_restored(file_keyring: PlaintextKeyring) -> Iterator[PlaintextKeyring]:
    """The session's file keyring, put back byte for byte after the test.

    The keyring file is shared by the whole session, so a secret one test stores
    would otherwise be seen by every later test (and which ones depends on order).
    """
    path = Path(file_keyring.file_path)
    before = path.read_bytes() if path.exists() else None
    yield file_keyring
    if before is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(before)
