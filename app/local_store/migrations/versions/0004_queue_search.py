"""Instant queue search: an FTS5 trigram index over each order's search text.

``orders_search`` holds, per order (rowid = order id), the folded search text
the store already computes (reference, customer, city, address, every phone as
bare digits in international and national form) plus the customer's e-mail read
from the order's JSON, lower case with ``@ . _ - +`` as spaces (how the search
box folds what the agent types, so "khadija.b@mail" finds it). The trigram tokenizer answers
substring matches case-insensitively from the index instead of a LIKE scan of
every row. Triggers keep the index in step with ``orders`` inside the same
transaction, so a search never sees an order without its index entry.

``ix_orders_queue`` holds every column the queue filters and sorts on (not the
order's JSON): SQLite sorts the whole queue "best first" from this narrow
index instead of reading every wide row, which halves clearing the search and
a deep scroll over 100,000 orders.

SQLite older than 3.34 has no trigram tokenizer: the index is then not created
and the queue keeps searching with LIKE (``QueueRepository`` checks for the
table).

Revision ID: 0004_queue_search
Revises: 0003_ops_without_order
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0004_queue_search"
down_revision = "0003_ops_without_order"
branch_labels = None
depends_on = None

#: Trigram tokenizer appeared in SQLite 3.34.0.
_TRIGRAM_SINCE = (3, 34, 0)


def _body(row: str) -> str:
    """SQL text of what one order contributes to the index (``row`` is NEW/OLD/orders)."""
    email = f"lower(coalesce(json_extract({row}.payload, '$.customer.email'), ''))"
    for separator in "@._-+":
        email = f"replace({email}, '{separator}', ' ')"
    # A payload that is not JSON must not make the order's write fail.
    valid = f"json_valid({row}.payload)"
    return f"{row}.search_text || CASE WHEN {valid} THEN ' ' || {email} ELSE '' END"


def _trigram_available() -> bool:
    version = op.get_bind().exec_driver_sql("SELECT sqlite_version()").scalar()
    parts = tuple(int(part) for part in str(version).split(".")[:3])
    if parts < _TRIGRAM_SINCE:
        return False
    enabled = (
        op.get_bind().exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar()
    )
    return bool(enabled)


#: What the queue's "best first" sort and its filters read; the id comes along.
_QUEUE_COLUMNS = [
    "status",
    "local_status",
    "callback_at",
    "attempt_count",
    "total_cents",
    "created_at",
    "reference",
    "city",
]


def upgrade() -> None:
    op.create_index("ix_orders_queue", "orders", _QUEUE_COLUMNS)
    if not _trigram_available():
        return
    op.execute("CREATE VIRTUAL TABLE orders_search USING fts5(body, tokenize='trigram')")
    op.execute(f"INSERT INTO orders_search(rowid, body) SELECT id, {_body('orders')} FROM orders")
    op.execute(
        "CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN "
        f"INSERT INTO orders_search(rowid, body) VALUES (new.id, {_body('new')}); END"
    )
    op.execute(
        "CREATE TRIGGER orders_search_delete AFTER DELETE ON orders BEGIN "
        "DELETE FROM orders_search WHERE rowid = old.id; END"
    )
    # Most updates (status, lease, counters) leave the searchable text alone:
    # re-index only when it changed, so a sync burst does not rewrite the index.
    op.execute(
        "CREATE TRIGGER orders_search_update AFTER UPDATE ON orders "
        f"WHEN old.id IS NOT new.id OR ({_body('old')}) IS NOT ({_body('new')}) BEGIN "
        "DELETE FROM orders_search WHERE rowid = old.id; "
        f"INSERT INTO orders_search(rowid, body) VALUES (new.id, {_body('new')}); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS orders_search_update")
    op.execute("DROP TRIGGER IF EXISTS orders_search_delete")
    op.execute("DROP TRIGGER IF EXISTS orders_search_insert")
    op.execute("DROP TABLE IF EXISTS orders_search")
    op.drop_index("ix_orders_queue", "orders")
