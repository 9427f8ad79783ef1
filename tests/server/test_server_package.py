"""The server as IT installs it: ``pip install hatif[server]`` into a fresh venv.

The wheel is built from this tree, installed with its ``server`` extra only (from
the package index, as on a server), and must bring neither PySide6 nor pjsua2;
then ``hatif-server`` migrates and serves a PostgreSQL database from that venv,
outside the source tree, and the health reports the single version.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from core.version import VERSION
from server.db.migrate import MIGRATIONS_DIR
from tests.fixtures.postgres import free_port

ROOT = Path(__file__).resolve().parents[2]
INSTALL_TIMEOUT_S = 900

pytestmark = [pytest.mark.slow, pytest.mark.timeout(INSTALL_TIMEOUT_S + 300)]


def _clean_env(venv: Path) -> dict[str, str]:
    """No PYTHONPATH to the source tree, the venv first on PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin"
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path,
         timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_server_extra_installs_without_the_desk_and_serves_postgresql(
        tmp_path: Path, postgres_url_factory: Callable[..., str]) -> None:
    wheels, venv = tmp_path / "wheels", tmp_path / "venv"
    built = _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels),
                  str(ROOT)], dict(os.environ), tmp_path, timeout=INSTALL_TIMEOUT_S / 3)
    assert built.returncode == 0, built.stderr[-3000:]
    wheel = next(wheels.glob("hatif-*.whl"))
    assert wheel.name.startswith(f"hatif-{VERSION}-")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    env = _clean_env(venv)
    installed = _run([str(venv / "bin" / "pip"), "install", "-q", f"{wheel}[server]"], env,
                     tmp_path, timeout=INSTALL_TIMEOUT_S)
    assert installed.returncode == 0, installed.stderr[-3000:]

    listed = _run([str(venv / "bin" / "pip"), "list", "--format", "freeze"], env, tmp_path)
    packages = {line.split("==")[0].lower() for line in listed.stdout.split()}
    assert {"fastapi", "uvicorn", "psycopg", "sqlalchemy", "alembic"} <= packages
    assert not packages & {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6",
                           "pjsua2-python"}, packages

    server = str(venv / "bin" / "hatif-server")
    url = postgres_url_factory(migrated=False)
    migrated = _run([server, "migrate"], {**env, "HATIF_DATABASE_URL": url}, tmp_path)
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    revisions = list((MIGRATIONS_DIR / "versions").glob("0*.py"))
    assert f"Applied {len(revisions)} migration(s)" in migrated.stdout
    assert "(from HATIF_DATABASE_URL)" in migrated.stderr
    assert "postgresql" in migrated.stderr

    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([server, "serve", "--port", str(port), "--workers", "2"],
                               env={**env, "HATIF_DATABASE_URL": url}, cwd=tmp_path,
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        health = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and process.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5)
                break
            except httpx.HTTPError:
                time.sleep(0.5)
        assert health is not None and health.status_code == 200, \
            (tmp_path / "serve.log").read_text()
        assert health.json()["version"] == VERSION
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)
        log.close()
    assert "Traceback" not in (tmp_path / "serve.log").read_text()
