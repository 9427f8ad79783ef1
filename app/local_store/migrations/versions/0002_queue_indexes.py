"""Indexes for the queue's sorts and the outbox's per-order lookups.

Revision ID: 0002_queue_indexes
Revises: 0001_initial
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002_queue_indexes"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_orders_callback_at", "orders", ["callback_at"])
    op.create_index("ix_orders_total_cents", "orders", ["total_cents"])
    op.create_index("ix_orders_owner", "orders", ["owner_id"])
    op.create_index("ix_outbox_order", "outbox", ["order_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_order", "outbox")
    op.drop_index("ix_orders_owner", "orders")
    op.drop_index("ix_orders_total_cents", "orders")
    op.drop_index("ix_orders_callback_at", "orders")
