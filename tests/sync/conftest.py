"""Fixtures of the sync tests: a demo shop seeded once, servers from the suite's
``server_process_factory`` on private copies of it, and a seeded PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fixtures.server_process import RunningServer
from tests.sync.server_harness import SyncTestServer, copy_sqlite, seed_demo_database


@pytest.fixture(scope="session")
def seeded_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo shop seeded once per session; tests copy it."""
    path = tmp_path_factory.mktemp("seed") / "template.db"
    seed_demo_database(f"sqlite:///{path}")
    return path


@pytest.fixture
def start_server(
    seeded_sqlite_template: Path,
    tmp_path: Path,
    server_process_factory: Callable[..., RunningServer],
) -> Callable[..., SyncTestServer]:
    """Start a server on a private copy of the demo shop (or on ``db_url``)."""

    def start(name: str = "server", db_url: str | None = None) -> SyncTestServer:
        if db_url is None:
            path = tmp_path / f"{name}.db"
            copy_sqlite(seeded_sqlite_template, path)
            db_url = f"sqlite:///{path}"
        return SyncTestServer(server_process_factory(db_url))

    return start


@pytest.fixture
def seeded_postgres_url(postgres_url_factory: Callable[..., str]) -> str:
    """A fresh PostgreSQL database (from the suite's cluster) with the demo shop."""
    url = postgres_url_factory()
    seed_demo_database(url)
    return url
