"""Server tests run against the real server process, on SQLite and on PostgreSQL.

``backend`` is session-scoped and parametrized: the suite runs once per
database against one server process each; every test builds its own team,
users and orders (``shop``) so tests do not see each other's data.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from server.db.migrate import upgrade_database
from tests.fixtures.postgres import free_port
from tests.fixtures.server_process import RunningServer
from tests.server.shop import Shop, ShopBuilder


@dataclass
class Backend:
    name: str
    db_url: str


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if request.param == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="hatif-sqlite-"))
        url = f"sqlite:///{folder / 'hatif.db'}"
        upgrade_database(url)
        yield Backend("sqlite", url)
    else:
        factory = request.getfixturevalue("postgres_url_factory")
        yield Backend("postgres", factory())


@pytest.fixture(scope="session")
def server(backend: Backend) -> Iterator[RunningServer]:
    running = RunningServer(db_url=backend.db_url, port=free_port())
    running.start(migrate=False)
    yield running
    running.stop()
    running.log_path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def builder(backend: Backend) -> Iterator[ShopBuilder]:
    shop_builder = ShopBuilder(backend.db_url)
    yield shop_builder
    shop_builder.close()


@pytest.fixture
def shop(builder: ShopBuilder, server: RunningServer) -> Iterator[Shop]:
    built = builder.new_shop(server.api, agents=3, orders=5)
    yield built
    built.close()
