"""Fixtures of the sync tests: a seeded demo database (made once) and server processes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.sync.server_harness import ServerProcess, copy_sqlite, seed_demo_database


@pytest.fixture(scope="session")
def seeded_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo shop seeded once per session; tests copy it."""
    path = tmp_path_factory.mktemp("seed") / "template.db"
    seed_demo_database(f"sqlite:///{path}")
    return path


@pytest.fixture
def start_server(
    seeded_sqlite_template: Path, tmp_path: Path
) -> Iterator[Callable[..., ServerProcess]]:
    """Start a server on a private copy of the demo database (killed at the end)."""
    started: list[ServerProcess] = []

    def start(name: str = "server", db_url: str | None = None) -> ServerProcess:
        if db_url is None:
            path = tmp_path / f"{name}.db"
            copy_sqlite(seeded_sqlite_template, path)
            db_url = f"sqlite:///{path}"
        server = ServerProcess(db_url=db_url, log_path=tmp_path / f"{name}.log")
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.kill()


@pytest.fixture
def seeded_postgres_url(postgres_url_factory: Callable[..., str]) -> str:
    """A fresh PostgreSQL database (from the suite's cluster) with the demo shop."""
    url = postgres_url_factory()
    seed_demo_database(url)
    return url
