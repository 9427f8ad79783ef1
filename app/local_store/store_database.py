"""Opening the local store: SQLite in WAL mode, migrated to the latest schema.

Two engines on the same file: ``writer`` starts every transaction with
``BEGIN IMMEDIATE`` (takes the write lock up front, so two writing threads
queue on the busy timeout instead of failing on a lock upgrade) and
``reader`` uses deferred transactions (WAL readers never block the writer).
``synchronous=FULL`` because the outbox is the agent's work: a commit that
returned must survive a power cut, not only a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class StoreDatabase:
    """The two engines of one store file."""

    path: Path
    writer: Engine
    reader: Engine

    def dispose(self) -> None:
        self.writer.dispose()
        self.reader.dispose()


def _sqlite_engine(path: Path, *, immediate: bool) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def alembic_config(connection: Any) -> Config:
    """An Alembic config that runs the store's migrations on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema in one transaction: on failure nothing changed, outbox included."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def open_store_database(path: Path, *, revision: str = "head") -> StoreDatabase:
    """Open (create if needed) and migrate the store file at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = _sqlite_engine(path, immediate=True)
    reader = _sqlite_engine(path, immediate=False)
    migrate(writer, revision)
    return StoreDatabase(path=path, writer=writer, reader=reader)
