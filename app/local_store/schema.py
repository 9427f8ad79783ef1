"""Tables of the desktop's local store (one SQLite file per user).

The queue columns (status, totals, lease, owner...) are copied out of the
server's order JSON so SQL can search, sort and filter 100,000 rows; the JSON
itself is kept in ``payload`` for the detail view. Rows written by the agent
and not yet confirmed by the server carry ``pending = 1``.

Any change here needs a new Alembic revision under ``migrations/versions``.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

#: Key/value facts of this store: device id, next client sequence, pull cursor, user.
meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

orders = Table(
    "orders",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("reference", String(64), nullable=False),
    Column("status", String(32), nullable=False),
    #: Status the agent set locally and the server has not confirmed yet.
    Column("local_status", String(32)),
    #: Order version the server will have once our pending ops are applied.
    Column("awaited_version", Integer),
    Column("version", Integer, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("customer_name", String(200), nullable=False, default=""),
    Column("phone", String(32), nullable=False, default=""),
    Column("phones", Text, nullable=False, default=""),
    Column("city", String(100), nullable=False, default=""),
    Column("address", Text, nullable=False, default=""),
    Column("total_cents", Integer, nullable=False, default=0),
    Column("lease_holder_id", Integer),
    Column("lease_holder_name", String(128)),
    Column("lease_epoch", Integer),
    Column("lease_expires_at", String(40)),
    Column("owner_id", Integer),
    Column("owner_name", String(128)),
    Column("team_id", Integer),
    Column("tags", Text, nullable=False, default=""),
    Column("attempt_count", Integer, nullable=False, default=0),
    Column("contact_count", Integer, nullable=False, default=0),
    Column("callback_at", String(40)),
    Column("last_call_at", String(40)),
    Column("possible_duplicate_of", String(64)),
    #: Rescue tools and escalation (revision 0005); the agent's pending values show here
    #: before the server's payload carries them.
    Column("order_discount_pct", String(16)),
    Column("delivery_date", String(10)),
    Column("escalated_at", String(40)),
    Column("escalation_reason", String(32)),
    Column("search_text", Text, nullable=False, default=""),
    Column("resync_generation", Integer, nullable=False, default=0),
    Column("payload", Text, nullable=False),
)
Index("ix_orders_status", orders.c.status)
Index("ix_orders_created_at", orders.c.created_at)
Index("ix_orders_phone", orders.c.phone)
Index("ix_orders_reference", orders.c.reference)
Index("ix_orders_callback_at", orders.c.callback_at)
Index("ix_orders_total_cents", orders.c.total_cents)
Index("ix_orders_owner", orders.c.owner_id)
Index("ix_orders_escalated_at", orders.c.escalated_at)

#: Leases this desk holds (claims), renewed by heartbeat.
held_leases = Table(
    "held_leases",
    metadata,
    Column("order_id", Integer, primary_key=True, autoincrement=False),
    Column("epoch", Integer, nullable=False),
    Column("expires_at", String(40), nullable=False),
)

notes = Table(
    "notes",
    metadata,
    #: Server id as text, or "local:<op_id>" while pending.
    Column("id", String(64), primary_key=True),
    Column("order_id", Integer, nullable=False),
    Column("author_id", Integer),
    Column("author_name", String(128), nullable=False, default=""),
    Column("text", Text, nullable=False),
    Column("predefined_code", String(64)),
    Column("created_at", String(40), nullable=False),
    Column("pending", Integer, nullable=False, default=0),
    Column("op_id", String(36)),
)
Index("ix_notes_order", notes.c.order_id)

journal = Table(
    "journal",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("order_id", Integer, nullable=False),
    Column("channel", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("direction", String(16), nullable=False),
    Column("number", String(32), nullable=False, default=""),
    Column("started_at", String(40), nullable=False),
    Column("ring_seconds", Float, nullable=False, default=0),
    Column("talk_seconds", Float, nullable=False, default=0),
    Column("outcome", String(32), nullable=False),
    Column("sip_code", Integer),
    Column("sip_reason", String(200)),
    Column("note", Text),
    Column("template", String(64)),
    Column("agent_name", String(128), nullable=False, default=""),
    Column("counts_as_contact", Integer, nullable=False, default=0),
    Column("pending", Integer, nullable=False, default=0),
)
Index("ix_journal_order", journal.c.order_id)

#: Ops waiting for a definite answer from the server; ``client_seq`` is the push order.
outbox = Table(
    "outbox",
    metadata,
    Column("client_seq", Integer, primary_key=True, autoincrement=False),
    Column("op_id", String(36), nullable=False, unique=True),
    Column("kind", String(32), nullable=False),
    #: None for ops that concern no order (presence).
    Column("order_id", Integer),
    Column("lease_epoch", Integer),
    Column("expected_version", Integer),
    Column("created_at", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
)
Index("ix_outbox_order", outbox.c.order_id)

#: Ops the server refused (conflict / rejected), kept for the agent to read.
conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), nullable=False, unique=True),
    Column("client_seq", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("order_id", Integer),
    Column("status", String(16), nullable=False),
    Column("code", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("params", Text, nullable=False, default="{}"),
    Column("op_payload", Text, nullable=False, default="{}"),
    Column("created_at", String(40), nullable=False),
    Column("acknowledged_at", String(40)),
)
Index("ix_conflicts_order", conflicts.c.order_id)

articles = Table(
    "articles",
    metadata,
    Column("ref", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("payload", Text, nullable=False),
)

cities = Table(
    "cities",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("payload", Text, nullable=False),
)

templates = Table(
    "templates",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("language", String(2), primary_key=True),
    Column("payload", Text, nullable=False),
)

predefined_notes = Table(
    "predefined_notes",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("payload", Text, nullable=False),
)

presence = Table(
    "presence",
    metadata,
    Column("user_id", Integer, primary_key=True, autoincrement=False),
    Column("payload", Text, nullable=False),
)
