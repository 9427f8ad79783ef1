"""The real Hatif server as a child process on loopback, for sync tests and the bench.

Tests use the suite's ``RunningServer`` (``tests/fixtures/server_process.py``)
wrapped in ``SyncTestServer``, which adds a real crash (SIGKILL). The bench,
outside pytest, uses ``ServerProcess``: ``python -m server.cli serve --db URL
--port P``, the port read from the line the server prints once it listens.
Both restart on the same port and database (the desk keeps its URL).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from tests.fixtures.server_process import RunningServer

REPO = Path(__file__).resolve().parents[2]
LISTENING = "Hatif server listening on http://"
DEMO_PASSWORD = "demo-pass"


def seed_demo_database(db_url: str, *, orders: int | None = None, timeout: float = 300) -> None:
    """``seed-demo --password DEMO_PASSWORD`` into ``db_url`` (agents agent1..5, lead1)."""
    command = [
        sys.executable,
        "-m",
        "server.cli",
        "seed-demo",
        "--demo",
        "--db",
        db_url,
        "--password",
        DEMO_PASSWORD,
    ]
    if orders is not None:
        command += ["--orders", str(orders)]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, timeout=timeout)


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy a closed SQLite database file (with its WAL if one was left)."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


@dataclass
class ServerProcess:
    """One running server; ``kill()`` and ``start()`` again keep URL and database."""

    db_url: str
    log_path: Path
    port: int = 0
    workers: int = 1
    process: subprocess.Popen[bytes] | None = None
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> ServerProcess:
        command = [
            sys.executable,
            "-m",
            "server.cli",
            "serve",
            "--db",
            self.db_url,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
        ]
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, **self.env},
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        listening = False
        while time.monotonic() < deadline:
            text = self.log_path.read_bytes()[offset:].decode(errors="replace")
            if LISTENING in text:
                self.port = int(text.split(LISTENING, 1)[1].split()[0].rsplit(":", 1)[1])
                listening = True
                break
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited; see {self.log_path}:\n{text[-2000:]}")
            time.sleep(0.05)
        if not listening:
            self.kill()
            raise RuntimeError(f"the server did not start in time; see {self.log_path}")
        self._wait_healthy(deadline)
        return self

    def _wait_healthy(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise RuntimeError("the server never answered /health")

    def kill(self) -> None:
        """SIGKILL the whole process group (uvicorn workers included)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)
        self.process = None


@dataclass
class SyncTestServer:
    """The suite's ``RunningServer`` plus what these tests need: a real crash."""

    running: RunningServer

    @property
    def url(self) -> str:
        return self.running.base_url

    @property
    def port(self) -> int:
        return self.running.port

    @property
    def db_url(self) -> str:
        return self.running.db_url

    def kill(self) -> None:
        """SIGKILL (no graceful shutdown): the server dies in the middle of its work."""
        process = self.running.process
        if process is None:
            return
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)
        self.running.process = None

    def start(self) -> SyncTestServer:
        """Start again on the same port and database."""
        self.running.start()
        return self


def login(base_url: str, username: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
    """``POST /auth/login``; returns the LoginResponse JSON (token and user)."""
    answer = requests.post(
        f"{base_url}/api/v1/auth/login",
        json={"username": username, "password": password},
        timeout=30,
    )
    answer.raise_for_status()
    return dict(answer.json())


def api(base_url: str, token: str, method: str, path: str, **kwargs: Any) -> Any:
    """A direct API call as some user (what another agent or a lead does)."""
    answer = requests.request(
        method,
        f"{base_url}/api/v1{path}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
        **kwargs,
    )
    answer.raise_for_status()
    return answer.json() if answer.content else None
