"""Alembic environment of the local store: always runs on the connection it is given."""

from __future__ import annotations

from alembic import context

from app.local_store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
