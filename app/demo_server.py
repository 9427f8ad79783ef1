"""``hatif --demo``: a local Hatif server on SQLite with the demo shop, as a child process.

The app layer may not import the server package (import rule), so the demo
server is a subprocess: ``python -m server.cli`` from a source install, or the
bundle's own executable with the hidden first argument ``--hatif-server`` (a
runtime hook of build.spec hands that launch to ``server.cli``; the frozen desk
has no Python interpreter to run). Either way it runs ``seed-demo`` into a
fresh ``demo.sqlite`` in the user data directory (each run starts a new demo
shop: an earlier run's calls, confirmations and changed passwords would otherwise
count as today's work of whoever runs it next), then ``serve`` on a free loopback
port; we wait for ``GET /api/v1/health`` and stop the process when the app ends.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from app.app_context import DemoCredentials
from app.bundle_info import is_frozen
from app.child_process_lifetime import end_with_parent

DEMO_USERNAME = "agent1"
DEMO_PASSWORD = "demo"
DATABASE_FILE = "demo.sqlite"
LOG_FILE = "demo-server.log"
HEALTH_PATH = "/api/v1/health"
SEED_TIMEOUT_S = 300.0
# build.spec's runtime hook runs ``server.cli`` when the bundle starts with this argument.
FROZEN_SERVER_ARGUMENT = "--hatif-server"

_log = logging.getLogger(__name__)


class DemoServerError(RuntimeError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class DemoServer:
    """A running demo server; ``stop`` ends it (also as a context manager)."""

    url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    credentials: DemoCredentials

    def stop(self, timeout: float = 10.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        _log.info("Demo server stopped")

    def __enter__(self) -> DemoServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def server_command() -> list[str]:
    """How to run the server CLI from this copy of Hatif (bundle or source install)."""
    if is_frozen():
        return [sys.executable, FROZEN_SERVER_ARGUMENT]
    return [sys.executable, "-m", "server.cli"]


def _remove_database(database: Path) -> None:
    """The demo database and SQLite's journal files beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def start_demo_server(
    data_dir: Path, timeout: float = 60.0, *, orders: int | None = None
) -> DemoServer:
    """Seed a fresh demo shop and start its server; raises DemoServerError with the
    server's last words. ``orders``: how many (the seed's default when None)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    database = data_dir / DATABASE_FILE
    db_url = f"sqlite:///{database}"
    log_path = data_dir / LOG_FILE
    base = server_command()
    if database.exists():
        _log.info("Replacing the previous run's demo shop (%s) with a fresh one", database)
    _remove_database(database)
    _log.info("Seeding a fresh demo shop into %s", database)
    command = [*base, "seed-demo", "--demo", "--db", db_url, "--password", DEMO_PASSWORD]
    if orders is not None:
        command += ["--orders", str(orders)]
    with log_path.open("wb") as log:
        seeded = subprocess.run(
            command, stdout=log, stderr=subprocess.STDOUT, timeout=SEED_TIMEOUT_S, check=False)
    if seeded.returncode != 0:
        _remove_database(database)
        raise DemoServerError(
            "demo.seed_failed",
            f"Seeding the demo database failed (exit {seeded.returncode}):\n"
            f"{_tail(log_path)}")

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = log_path.open("ab")
    process = subprocess.Popen(
        [*base, "serve", "--docs", "--db", db_url, "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
        preexec_fn=end_with_parent())
    log.close()
    server = DemoServer(url, process, log_path, DemoCredentials(DEMO_USERNAME, DEMO_PASSWORD))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise DemoServerError(
                "demo.server_exited",
                f"The demo server exited (code {process.returncode}):\n{_tail(log_path)}")
        try:
            if requests.get(url + HEALTH_PATH, timeout=1).status_code == 200:
                _log.info("Demo server ready at %s (log %s)", url, log_path)
                return server
        except requests.RequestException:
            pass
        time.sleep(0.1)
    server.stop()
    raise DemoServerError("demo.timeout",
                          f"The demo server did not answer within {timeout:.0f} s:\n"
                          f"{_tail(log_path)}")
