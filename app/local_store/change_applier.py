"""Applies the server's change events to the local tables (inside the caller's transaction).

Orders never go back in time: an upsert only replaces a row whose version is
not newer. A status the agent set locally stays shown until the server's
order reaches the version our ops produced. An order change that shows a claim
we hold was given to someone else (a higher lease epoch, or our epoch with no
holder any more) drops the lease and yields a notice for the agent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, case, delete, select
from sqlalchemy.dialects.sqlite import insert

from app.local_store import schema
from app.local_store.order_rows import LOCAL_EDIT_COLUMNS, iso_utc, order_row
from core.order_status import FINAL_STATUSES
from core.wire.changes import ChangeEntity, ChangeEvent
from sync.refusal_messages import clock_time, describe_lost_lease
from sync.sync_store import LostLeaseNotice

#: awaited_version while an op that changes the order is still in the outbox.
AWAITING_PUSH = 2**62

_ORDER_UPDATE_COLUMNS = [
    c.name for c in schema.orders.columns if c.name not in ("id", "local_status", "awaited_version")
]


def _order_upsert() -> Any:
    stmt = insert(schema.orders)
    orders = schema.orders
    updates: dict[str, Any] = {name: stmt.excluded[name] for name in _ORDER_UPDATE_COLUMNS}
    reached = (orders.c.awaited_version.is_(None)) | (
        stmt.excluded.version >= orders.c.awaited_version
    )
    for name in LOCAL_EDIT_COLUMNS:
        updates[name] = case((reached, stmt.excluded[name]), else_=orders.c[name])
    updates["local_status"] = case((reached, None), else_=orders.c.local_status)
    updates["awaited_version"] = case((reached, None), else_=orders.c.awaited_version)
    return stmt.on_conflict_do_update(
        index_elements=[orders.c.id],
        set_=updates,
        where=stmt.excluded.version >= orders.c.version,
    )


ORDER_UPSERT = _order_upsert()


def upsert_orders(
    connection: Connection, orders: Sequence[dict[str, Any]], generation: int = 0
) -> None:
    """Insert or refresh orders (``OrderWire`` JSON), never replacing a newer version."""
    if orders:
        connection.execute(ORDER_UPSERT, [order_row(o, generation=generation) for o in orders])


@dataclass
class ChangeEffects:
    """What a set of change events touched."""

    order_ids: set[int] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    lost_leases: list[LostLeaseNotice] = field(default_factory=list)
    applied: int = 0


def apply_events(
    connection: Connection, events: Iterable[ChangeEvent], *, my_user_id: int | None
) -> ChangeEffects:
    """Apply ``events`` in order; the caller owns the transaction and the cursor.

    Consecutive order upserts go to SQLite as one executemany (a first sync is
    mostly that); anything else flushes them first, so the order of effects holds.
    """
    effects = ChangeEffects()
    held: dict[int, int] = {
        int(order_id): int(epoch)
        for order_id, epoch in connection.execute(
            select(schema.held_leases.c.order_id, schema.held_leases.c.epoch)
        )
    }
    batch: list[ChangeEvent] = []
    for event in events:
        effects.applied += 1
        effects.entities.add(event.entity.value)
        if event.entity is ChangeEntity.ORDER and event.op != "delete":
            batch.append(event)
            continue
        _upsert_order_batch(connection, batch, effects, held, my_user_id)
        batch = []
        handler = _HANDLERS.get(event.entity)
        if handler is not None:
            handler(connection, event, effects, held, my_user_id)
    _upsert_order_batch(connection, batch, effects, held, my_user_id)
    return effects


def _upsert_order_batch(
    connection: Connection,
    batch: list[ChangeEvent],
    effects: ChangeEffects,
    held: dict[int, int],
    my_user_id: int | None,
) -> None:
    if not batch:
        return
    connection.execute(ORDER_UPSERT, [order_row(event.payload) for event in batch])
    for event in batch:
        order_id = int(event.entity_id)
        effects.order_ids.add(order_id)
        if order_id in held:
            _check_lease(connection, order_id, event, effects, held, my_user_id)


def _order(
    connection: Connection,
    event: ChangeEvent,
    effects: ChangeEffects,
    held: dict[int, int],
    my_user_id: int | None,
) -> None:
    order_id = int(event.entity_id)
    effects.order_ids.add(order_id)
    if event.op == "delete":
        connection.execute(delete(schema.orders).where(schema.orders.c.id == order_id))
        return
    _upsert_order_batch(connection, [event], effects, held, my_user_id)


def _check_lease(
    connection: Connection,
    order_id: int,
    event: ChangeEvent,
    effects: ChangeEffects,
    held: dict[int, int],
    my_user_id: int | None,
) -> None:
    payload = event.payload
    if not _lease_gone(held[order_id], payload):
        return
    connection.execute(delete(schema.held_leases).where(schema.held_leases.c.order_id == order_id))
    del held[order_id]
    closed_by_me = payload.get("status") in _CLOSED and payload.get("owner_id") == my_user_id
    if not closed_by_me:
        effects.lost_leases.append(_lost_lease_notice(order_id, payload, event, my_user_id))


_CLOSED = frozenset(status.value for status in FINAL_STATUSES)


def _lease_gone(my_epoch: int, order: dict[str, Any]) -> bool:
    """Does this order state show that the claim we hold under ``my_epoch`` is over?"""
    lease = order.get("lease") or None
    epoch = int(order.get("lease_epoch") or 0)
    if lease is not None:
        epoch = max(epoch, int(lease.get("epoch") or 0))
    if epoch < my_epoch:
        return False  # an older change arriving late: says nothing about our claim
    # A newer epoch went to someone else; our epoch without a lease was released.
    return epoch > my_epoch or lease is None


def _lost_lease_notice(
    order_id: int, order: dict[str, Any], event: ChangeEvent, my_user_id: int | None
) -> LostLeaseNotice:
    lease = order.get("lease") or None
    holder = lease.get("holder_name") if lease else None
    if holder is None and order.get("owner_id") not in (None, my_user_id):
        holder = order.get("owner_name")
    label = str(order.get("reference") or order_id)
    message = describe_lost_lease(
        "lease_lost", order_label=label, holder_name=holder, at=clock_time(event.at)
    )
    return LostLeaseNotice(
        order_id=order_id, code="lease_lost", message=message, holder_name=holder
    )


def _journal(
    connection: Connection,
    event: ChangeEvent,
    effects: ChangeEffects,
    held: dict[int, int],
    my_user_id: int | None,
) -> None:
    entry = event.payload
    if event.op == "delete":
        connection.execute(delete(schema.journal).where(schema.journal.c.id == event.entity_id))
        return
    effects.order_ids.add(int(entry["order_id"]))
    row = journal_row(entry, pending=False)
    stmt = insert(schema.journal)
    connection.execute(
        stmt.on_conflict_do_update(
            index_elements=[schema.journal.c.id],
            set_={k: stmt.excluded[k] for k in row if k != "id"},
        ),
        [row],
    )


def journal_row(entry: dict[str, Any], *, pending: bool) -> dict[str, Any]:
    """A ``journal`` row from ``JournalEntryIn``/``JournalEntryWire`` JSON."""
    return {
        "id": str(entry["id"]),
        "order_id": int(entry["order_id"]),
        "channel": str(entry.get("channel", "call")),
        "kind": str(entry.get("kind", "call")),
        "direction": str(entry.get("direction", "outbound")),
        "number": str(entry.get("number", "")),
        "started_at": iso_utc(entry.get("started_at")) or "",
        "ring_seconds": float(entry.get("ring_seconds") or 0),
        "talk_seconds": float(entry.get("talk_seconds") or 0),
        "outcome": str(entry.get("outcome", "")),
        "sip_code": entry.get("sip_code"),
        "sip_reason": entry.get("sip_reason"),
        "note": entry.get("note"),
        "template": entry.get("template"),
        "agent_name": str(entry.get("agent_name", "")),
        "counts_as_contact": 1 if entry.get("counts_as_contact") else 0,
        "pending": 1 if pending else 0,
    }


def _note(
    connection: Connection,
    event: ChangeEvent,
    effects: ChangeEffects,
    held: dict[int, int],
    my_user_id: int | None,
) -> None:
    note = event.payload
    notes = schema.notes
    if event.op == "delete":
        connection.execute(delete(notes).where(notes.c.id == event.entity_id))
        return
    order_id = int(note["order_id"])
    effects.order_ids.add(order_id)
    row = {
        "id": str(note["id"]),
        "order_id": order_id,
        "author_id": note.get("author_id"),
        "author_name": str(note.get("author_name", "")),
        "text": str(note.get("text", "")),
        "predefined_code": note.get("predefined_code"),
        "created_at": iso_utc(note.get("created_at")) or "",
        "pending": 0,
        "op_id": None,
    }
    stmt = insert(notes)
    connection.execute(
        stmt.on_conflict_do_update(
            index_elements=[notes.c.id], set_={k: stmt.excluded[k] for k in row if k != "id"}
        ),
        [row],
    )
    # Our own note came back from the server: the local copy has done its job.
    answered = select(schema.outbox.c.op_id)
    connection.execute(
        delete(notes).where(
            and_(
                notes.c.pending == 1,
                notes.c.order_id == order_id,
                notes.c.text == row["text"],
                notes.c.op_id.not_in(answered),
            )
        )
    )


def _keyed_payload(table: Any, key_columns: Sequence[str]) -> Any:
    def handler(
        connection: Connection,
        event: ChangeEvent,
        effects: ChangeEffects,
        held: dict[int, int],
        my_user_id: int | None,
    ) -> None:
        payload = event.payload
        keys = {name: payload.get(name) for name in key_columns}
        if event.op == "delete" or any(value is None for value in keys.values()):
            if event.op == "delete" and len(key_columns) == 1:
                column = table.c[key_columns[0]]
                value: Any = event.entity_id
                if column.type.python_type is int:
                    value = int(value)
                connection.execute(delete(table).where(column == value))
            return
        row = {**keys, "payload": json.dumps(payload, separators=(",", ":"), default=str)}
        if "name" in table.c and "name" not in key_columns:
            row["name"] = str(payload.get("name", ""))
        stmt = insert(table)
        connection.execute(
            stmt.on_conflict_do_update(
                index_elements=[table.c[name] for name in key_columns],
                set_={k: stmt.excluded[k] for k in row if k not in key_columns},
            ),
            [row],
        )

    return handler


def _meta_payload(key: str) -> Any:
    """A handler that keeps the event's payload whole under ``key`` in the meta table."""

    def handler(
        connection: Connection,
        event: ChangeEvent,
        effects: ChangeEffects,
        held: dict[int, int],
        my_user_id: int | None,
    ) -> None:
        stmt = insert(schema.meta)
        value = json.dumps(event.payload, separators=(",", ":"), default=str)
        connection.execute(
            stmt.on_conflict_do_update(
                index_elements=[schema.meta.c.key], set_={"value": stmt.excluded.value}
            ),
            [{"key": key, "value": value}],
        )

    return handler


_HANDLERS: dict[ChangeEntity, Any] = {
    ChangeEntity.ORDER: _order,
    ChangeEntity.JOURNAL: _journal,
    ChangeEntity.NOTE: _note,
    ChangeEntity.PRESENCE: _keyed_payload(schema.presence, ["user_id"]),
    ChangeEntity.ARTICLE: _keyed_payload(schema.articles, ["ref"]),
    ChangeEntity.CITY: _keyed_payload(schema.cities, ["name"]),
    ChangeEntity.TEMPLATE: _keyed_payload(schema.templates, ["code", "language"]),
    ChangeEntity.PREDEFINED_NOTE: _keyed_payload(schema.predefined_notes, ["code"]),
    ChangeEntity.SETTINGS: _meta_payload("settings"),
    ChangeEntity.TEAM_SETTINGS: _meta_payload("team_settings"),
}
