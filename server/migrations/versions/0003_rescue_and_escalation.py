"""orders: order discount and delivery date (rescue tools), open escalation

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 13:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "order_discount_pct",
                sa.Numeric(12, 2, asdecimal=True),
                nullable=False,
                server_default="0",
            )
        )
        batch_op.add_column(sa.Column("delivery_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("escalation_reason", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("escalation_text", sa.String(2000), nullable=True))
        batch_op.add_column(sa.Column("escalated_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("escalation_lead_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_orders_escalated_by_id_users", "users", ["escalated_by_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint("fk_orders_escalated_by_id_users", type_="foreignkey")
        batch_op.drop_column("escalation_lead_id")
        batch_op.drop_column("escalated_at")
        batch_op.drop_column("escalated_by_id")
        batch_op.drop_column("escalation_text")
        batch_op.drop_column("escalation_reason")
        batch_op.drop_column("delivery_date")
        batch_op.drop_column("order_discount_pct")
