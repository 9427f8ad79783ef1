"""``INSERT ... ON CONFLICT DO NOTHING`` on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(session: Session, model: type[Any], values: dict[str, Any]) -> bool:
    """Insert a row unless its key exists; True when this call inserted it.

    On PostgreSQL a concurrent inserter of the same key waits for the first
    transaction to end, then does nothing — the basis of idempotent pushes.
    """
    table = model.__table__
    if session.get_bind().dialect.name == "postgresql":
        statement: Any = postgresql.insert(table).values(**values).on_conflict_do_nothing()
    else:
        statement = sqlite.insert(table).values(**values).on_conflict_do_nothing()
    # RETURNING, not rowcount: drivers disagree on rowcount for a skipped row.
    key_column = next(iter(table.primary_key.columns))
    return session.execute(statement.returning(key_column)).first() is not None
