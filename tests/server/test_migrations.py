"""The Alembic revisions build exactly the schema the models describe, on both
databases (the server never uses create_all)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from server.db.models_all import metadata
from server.db.session import normalize_database_url
from tests.server.conftest import Backend


def test_migrations_match_the_models(backend: Backend) -> None:
    engine = create_engine(normalize_database_url(backend.db_url))
    try:
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        engine.dispose()
    assert differences == []
