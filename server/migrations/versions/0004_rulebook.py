"""orders: attempts a lead granted; journal: why an entry changed nothing

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("extra_attempts", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("journal_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("flag", sa.String(32), nullable=True))
        batch_op.create_index("ix_journal_entries_flag", ["flag"])


def downgrade() -> None:
    with op.batch_alter_table("journal_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_journal_entries_flag")
        batch_op.drop_column("flag")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("extra_attempts")
