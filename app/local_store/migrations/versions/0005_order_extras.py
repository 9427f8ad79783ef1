"""Rescue tools and escalation on the local orders: order discount, delivery date,
and the open escalation (when and why), as columns beside the order's JSON.

The columns also carry the agent's own pending values (a delivery date set
offline shows at once); rows already stored are filled from their JSON, so
an upgraded store shows the same as a fresh one.

Revision ID: 0005_order_extras
Revises: 0004_queue_search
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_order_extras"
down_revision = "0004_queue_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("orders", sa.Column("order_discount_pct", sa.String(16)))
    op.add_column("orders", sa.Column("delivery_date", sa.String(10)))
    op.add_column("orders", sa.Column("escalated_at", sa.String(40)))
    op.add_column("orders", sa.Column("escalation_reason", sa.String(32)))
    op.create_index("ix_orders_escalated_at", "orders", ["escalated_at"])
    # Payloads written before this revision may already hold the fields.
    op.execute(
        "UPDATE orders SET "
        "order_discount_pct = json_extract(payload, '$.order_discount_pct'), "
        "delivery_date = json_extract(payload, '$.delivery_date'), "
        "escalated_at = json_extract(payload, '$.escalation.at'), "
        "escalation_reason = json_extract(payload, '$.escalation.reason') "
        "WHERE json_valid(payload)"
    )


def downgrade() -> None:
    op.drop_index("ix_orders_escalated_at", table_name="orders")
    # Plain DROP COLUMN (SQLite >= 3.35): a batch copy of the table would lose the
    # search triggers of revision 0004.
    for column in ("escalation_reason", "escalated_at", "delivery_date", "order_discount_pct"):
        op.execute(f"ALTER TABLE orders DROP COLUMN {column}")
