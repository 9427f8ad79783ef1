"""Bring a database to the newest schema with Alembic (never ``create_all``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from server.db.session import normalize_database_url

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(database_url: str) -> Config:
    """An Alembic configuration without an ini file, pointing at our revisions."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation: a literal % in a password must be doubled.
    config.set_main_option(
        "sqlalchemy.url", normalize_database_url(database_url).replace("%", "%%")
    )
    return config


def current_revisions(database_url: str) -> tuple[str, ...]:
    """The revisions the database is at (empty for a database never migrated)."""
    engine = create_engine(normalize_database_url(database_url))
    try:
        with engine.connect() as connection:
            return tuple(MigrationContext.configure(connection).get_current_heads())
    finally:
        engine.dispose()


def pending_migrations(database_url: str, revision: str = "head") -> list[str]:
    """``"<revision>: <message>"`` of each migration ``upgrade`` would apply, oldest first."""
    script = ScriptDirectory.from_config(alembic_config(database_url))
    current = current_revisions(database_url)
    steps = script.iterate_revisions(revision, current or "base")
    return [f"{step.revision}: {step.doc}" for step in reversed(list(steps))
            if step.revision not in current]


def upgrade_database(database_url: str, revision: str = "head") -> list[str]:
    """Apply every pending migration to ``database_url``; returns those applied."""
    pending = pending_migrations(database_url, revision)
    if pending:
        command.upgrade(alembic_config(database_url), revision)
    return pending
