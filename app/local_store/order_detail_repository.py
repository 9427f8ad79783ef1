"""One order in full for the detail view: the order, its timeline, the customer's history.

The timeline merges contact attempts, notes and refused ops, newest first;
entries the server has not confirmed yet say so (``pending``), and refused
ones keep their sentence so nothing the agent did disappears silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.local_store import schema
from app.local_store.queue_repository import QueueRepository, QueueRow
from app.local_store.refusal_repository import RefusalRepository
from app.local_store.store_database import StoreDatabase
from core.wire.orders import OrderWire
from sync.sync_store import RefusalNotice


class EntryState:
    """Where a locally written entry stands with the server."""

    CONFIRMED = 0
    PENDING = 1
    REFUSED = 2


@dataclass(frozen=True)
class TimelineEntry:
    """One line of an order's history (``kind``: call, message, note, refusal)."""

    at: datetime
    kind: str
    text: str
    author: str
    state: int = EntryState.CONFIRMED
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OrderDetail:
    """Everything the detail view shows about one order."""

    order: OrderWire
    status: str
    local_status: str | None
    pending_ops: int
    held_epoch: int | None
    held_until: datetime | None
    refusals: list[RefusalNotice]


class OrderDetailRepository:
    """Order detail, timeline and customer history (reader engine)."""

    def __init__(
        self, database: StoreDatabase, queue: QueueRepository, refusals: RefusalRepository
    ) -> None:
        self._db = database
        self._queue = queue
        self._refusals = refusals

    def order_detail(self, order_id: int) -> OrderDetail | None:
        orders = schema.orders
        with self._db.reader.connect() as connection:
            row = connection.execute(
                select(orders.c.payload, orders.c.status, orders.c.local_status).where(
                    orders.c.id == order_id
                )
            ).first()
            if row is None:
                return None
            lease = (
                connection.execute(
                    select(schema.held_leases).where(schema.held_leases.c.order_id == order_id)
                )
                .mappings()
                .first()
            )
            pending = connection.execute(
                select(schema.outbox.c.client_seq).where(schema.outbox.c.order_id == order_id)
            ).all()
        return OrderDetail(
            order=OrderWire.model_validate_json(row.payload),
            status=row.local_status or row.status,
            local_status=row.local_status,
            pending_ops=len(pending),
            held_epoch=lease["epoch"] if lease else None,
            held_until=datetime.fromisoformat(lease["expires_at"]) if lease else None,
            refusals=self._refusals.refusals(order_id=order_id, include_acknowledged=True),
        )

    def timeline(self, order_id: int) -> list[TimelineEntry]:
        """Calls, messages, notes and refusals of the order, newest first."""
        entries: list[TimelineEntry] = []
        journal = schema.journal
        notes = schema.notes
        with self._db.reader.connect() as connection:
            for row in connection.execute(
                select(journal).where(journal.c.order_id == order_id)
            ).mappings():
                entries.append(
                    TimelineEntry(
                        at=datetime.fromisoformat(row["started_at"]),
                        kind="call" if row["kind"] == "call" else "message",
                        text=_journal_text(row),
                        author=row["agent_name"],
                        state=row["pending"],
                        data=dict(row),
                    )
                )
            for row in connection.execute(
                select(notes).where(notes.c.order_id == order_id)
            ).mappings():
                entries.append(
                    TimelineEntry(
                        at=datetime.fromisoformat(row["created_at"]),
                        kind="note",
                        text=row["text"],
                        author=row["author_name"],
                        state=row["pending"],
                        data=dict(row),
                    )
                )
        for refusal in self._refusals.refusals(order_id=order_id, include_acknowledged=True):
            entries.append(
                TimelineEntry(
                    at=datetime.fromisoformat(refusal.created_at),
                    kind="refusal",
                    text=refusal.message,
                    author="",
                    state=EntryState.REFUSED,
                    data={"code": refusal.code, "params": refusal.params, "op_kind": refusal.kind},
                )
            )
        entries.sort(key=lambda entry: entry.at, reverse=True)
        return entries

    def customer_history(
        self, phone: str, *, exclude_order_id: int | None = None
    ) -> list[QueueRow]:
        """Every order of the customer with this phone (E.164), newest first."""
        orders = schema.orders
        with self._db.reader.connect() as connection:
            ids = [
                int(i)
                for i in connection.execute(
                    select(orders.c.id)
                    .where((orders.c.phone == phone) | orders.c.phones.like(f"%{phone}%"))
                    .order_by(orders.c.created_at.desc())
                ).scalars()
                if i != exclude_order_id
            ]
        return self._queue.rows_by_ids(ids)


def _journal_text(row: Any) -> str:
    parts = [f"{row['channel']}: {row['outcome']}"]
    if row["talk_seconds"]:
        parts.append(f"talk {int(row['talk_seconds'])} s")
    if row["sip_code"]:
        parts.append(f"SIP {row['sip_code']}")
    if row["note"]:
        parts.append(row["note"])
    return " · ".join(parts)
