"""Ops that concern no order (presence changes): ``order_id`` becomes optional.

SQLite cannot drop a NOT NULL in place, so the tables are copied (batch mode)
inside the migration's transaction: the queued ops are carried over or,
on failure, left exactly as they were.

Revision ID: 0003_ops_without_order
Revises: 0002_queue_indexes
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_ops_without_order"
down_revision = "0002_queue_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("outbox", "conflicts"):
        with op.batch_alter_table(table) as batch:
            batch.alter_column("order_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # Presence ops have no order; they are dropped rather than blocking the downgrade.
    op.execute("DELETE FROM outbox WHERE order_id IS NULL")
    op.execute("DELETE FROM conflicts WHERE order_id IS NULL")
    for table in ("outbox", "conflicts"):
        with op.batch_alter_table(table) as batch:
            batch.alter_column("order_id", existing_type=sa.Integer(), nullable=False)
