"""The first local store schema: orders, catalogue, journal, notes, outbox, conflicts.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("local_status", sa.String(32)),
        sa.Column("awaited_version", sa.Integer),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("customer_name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("phones", sa.Text, nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("total_cents", sa.Integer, nullable=False),
        sa.Column("lease_holder_id", sa.Integer),
        sa.Column("lease_holder_name", sa.String(128)),
        sa.Column("lease_epoch", sa.Integer),
        sa.Column("lease_expires_at", sa.String(40)),
        sa.Column("owner_id", sa.Integer),
        sa.Column("owner_name", sa.String(128)),
        sa.Column("team_id", sa.Integer),
        sa.Column("tags", sa.Text, nullable=False),
        sa.Column("attempt_count", sa.Integer, nullable=False),
        sa.Column("contact_count", sa.Integer, nullable=False),
        sa.Column("callback_at", sa.String(40)),
        sa.Column("last_call_at", sa.String(40)),
        sa.Column("possible_duplicate_of", sa.String(64)),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("resync_generation", sa.Integer, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_orders_status", "orders", ["status"])
    op.create_index("ix_orders_created_at", "orders", ["created_at"])
    op.create_index("ix_orders_phone", "orders", ["phone"])
    op.create_index("ix_orders_reference", "orders", ["reference"])
    op.create_table(
        "held_leases",
        sa.Column("order_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("epoch", sa.Integer, nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("order_id", sa.Integer, nullable=False),
        sa.Column("author_id", sa.Integer),
        sa.Column("author_name", sa.String(128), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("predefined_code", sa.String(64)),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("pending", sa.Integer, nullable=False),
        sa.Column("op_id", sa.String(36)),
    )
    op.create_index("ix_notes_order", "notes", ["order_id"])
    op.create_table(
        "journal",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("order_id", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("ring_seconds", sa.Float, nullable=False),
        sa.Column("talk_seconds", sa.Float, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("sip_code", sa.Integer),
        sa.Column("sip_reason", sa.String(200)),
        sa.Column("note", sa.Text),
        sa.Column("template", sa.String(64)),
        sa.Column("agent_name", sa.String(128), nullable=False),
        sa.Column("counts_as_contact", sa.Integer, nullable=False),
        sa.Column("pending", sa.Integer, nullable=False),
    )
    op.create_index("ix_journal_order", "journal", ["order_id"])
    op.create_table(
        "outbox",
        sa.Column("client_seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("op_id", sa.String(36), nullable=False, unique=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("order_id", sa.Integer, nullable=False),
        sa.Column("lease_epoch", sa.Integer),
        sa.Column("expected_version", sa.Integer),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("op_id", sa.String(36), nullable=False, unique=True),
        sa.Column("client_seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("order_id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("params", sa.Text, nullable=False),
        sa.Column("op_payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("acknowledged_at", sa.String(40)),
    )
    op.create_index("ix_conflicts_order", "conflicts", ["order_id"])
    op.create_table(
        "articles",
        sa.Column("ref", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_table(
        "cities",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_table(
        "templates",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("language", sa.String(2), primary_key=True),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_table(
        "predefined_notes",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_table(
        "presence",
        sa.Column("user_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("payload", sa.Text, nullable=False),
    )


def downgrade() -> None:
    # The outbox is never dropped by a downgrade: losing queued work is worse than
    # keeping an unused table.
    for table in (
        "presence",
        "predefined_notes",
        "templates",
        "cities",
        "articles",
        "conflicts",
        "journal",
        "notes",
        "held_leases",
        "orders",
        "meta",
    ):
        op.drop_table(table)
