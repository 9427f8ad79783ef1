"""stock_movements: the stock ledger; each variant's current level becomes its
opening movement, so the level stays the sum of the ledger from the first day

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 15:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "variant_id",
            sa.Integer(),
            sa.ForeignKey("variants.id", name="fk_stock_movements_variant_id_variants"),
            nullable=False,
        ),
        sa.Column(
            "order_id",
            sa.Integer(),
            sa.ForeignKey("orders.id", name="fk_stock_movements_order_id_orders"),
            nullable=True,
        ),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column(
            "actor_id",
            sa.Integer(),
            sa.ForeignKey("users.id", name="fk_stock_movements_actor_id_users"),
            nullable=True,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stock_movements"),
    )
    op.create_index("ix_stock_movements_variant_id", "stock_movements", ["variant_id"])
    op.create_index(
        "ix_stock_movements_order_variant", "stock_movements", ["order_id", "variant_id"]
    )
    # Whatever the variants hold today is where the ledger starts.
    op.execute(
        "INSERT INTO stock_movements (variant_id, order_id, quantity, reason, actor_id, at) "
        "SELECT id, NULL, stock, 'opening', NULL, CURRENT_TIMESTAMP FROM variants "
        "WHERE stock <> 0"
    )


def downgrade() -> None:
    op.drop_index("ix_stock_movements_order_variant", table_name="stock_movements")
    op.drop_index("ix_stock_movements_variant_id", table_name="stock_movements")
    op.drop_table("stock_movements")
