"""Engines and sessions for SQLite and PostgreSQL.

SQLite: WAL journal, a long busy timeout, and write transactions opened with
``BEGIN IMMEDIATE`` so two writers queue for the lock up front instead of
failing with "database is locked" when they try to upgrade a read lock.
Reads use a second engine with plain deferred ``BEGIN`` so they run beside a
writer. PostgreSQL: one pooled engine in READ COMMITTED; write paths take row
locks (``FOR UPDATE`` / ``SKIP LOCKED``) where they need them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_S = 60.0
# Set in ``session.info`` by whoever appends to the change log in that transaction.
CHANGES_PENDING = "hatif_changes_pending"
# Set in ``session.info`` (a set of user ids) by whoever changes a user's sign-in state.
AUTH_CHANGED = "hatif_auth_changed"


def normalize_database_url(url: str) -> str:
    """Use psycopg 3 for ``postgresql://`` URLs (SQLAlchemy's default is psycopg2)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_engine(url: str, *, begin: str) -> Engine:
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
        pool_size=20,
        max_overflow=60,
        pool_timeout=120,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


@dataclass
class Database:
    """The engines and session factories of one database.

    ``write()`` opens a transaction meant to change data (``BEGIN IMMEDIATE``
    on SQLite); ``read()`` one that only reads.
    """

    url: str
    write_engine: Engine
    read_engine: Engine
    on_changes_committed: list[Callable[[], None]] = field(default_factory=list)
    # Told, after the commit, which users' tokens must be looked up afresh.
    on_auth_changed: list[Callable[[set[int]], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._write_factory = sessionmaker(self.write_engine, expire_on_commit=False)
        self._read_factory = sessionmaker(self.read_engine, expire_on_commit=False)
        self._writer_lock: AbstractContextManager[Any] = (
            threading.Lock() if self.write_engine.dialect.name == "sqlite" else nullcontext()
        )
        event.listen(self._write_factory, "after_commit", self._after_commit)
        event.listen(self._write_factory, "after_rollback", self._after_rollback)

    def _after_commit(self, session: Session) -> None:
        users: set[int] = session.info.pop(AUTH_CHANGED, set())
        if users:
            for drop in self.on_auth_changed:
                drop(users)
        if session.info.pop(CHANGES_PENDING, False):
            for callback in self.on_changes_committed:
                callback()

    def _after_rollback(self, session: Session) -> None:
        if not session.in_transaction():
            session.info.pop(CHANGES_PENDING, None)
            session.info.pop(AUTH_CHANGED, None)

    @property
    def dialect(self) -> str:
        return self.write_engine.dialect.name

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction, committed on success, rolled back on error.

        On SQLite the writers of this process queue on a lock first: SQLite's own
        busy handler waits by sleeping in growing steps, which under contention
        wastes most of the time; the lock hands the database over at once.
        """
        with self._writer_lock, self._write_factory() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (rolled back at the end)."""
        with self._read_factory() as session:
            yield session

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()


def open_database(url: str) -> Database:
    """Engines for ``url`` (``sqlite:///path`` or ``postgresql://...``)."""
    url = normalize_database_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        return Database(
            url=url,
            write_engine=_sqlite_engine(url, begin="BEGIN IMMEDIATE"),
            read_engine=_sqlite_engine(url, begin="BEGIN"),
        )
    engine = create_engine(url, pool_size=20, max_overflow=40, pool_pre_ping=True, pool_timeout=60)
    return Database(url=url, write_engine=engine, read_engine=engine)
