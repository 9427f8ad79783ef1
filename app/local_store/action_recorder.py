"""Records what the agent does: the local change and its outbox row in ONE transaction.

The payload is validated against the wire model of its kind before anything is
written, so the outbox never holds an op the server could not read. The op
carries the lease epoch the desk holds on the order (fencing) or, without a
lease, the order version the agent saw. ``client_seq`` comes from a counter in
``meta`` that never goes back, even when the outbox is empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.dialects.sqlite import insert

from app.local_store import schema
from app.local_store.change_applier import AWAITING_PUSH, journal_row
from app.local_store.outbox_rows import META_FACTS, ORDER_CHANGING_KINDS, append_op
from app.local_store.store_database import StoreDatabase
from core.order_status import OrderStatus
from core.wire.sync_ops import PAYLOAD_MODELS, OpKind

#: The status an order shows locally once the agent did this, before the server agrees.
LOCAL_STATUS_AFTER: dict[OpKind, OrderStatus] = {
    OpKind.START: OrderStatus.IN_PROGRESS,
    OpKind.CONFIRM: OrderStatus.CONFIRMED,
    OpKind.CANCEL: OrderStatus.CANCELLED,
    OpKind.CALLBACK: OrderStatus.CALLBACK,
    OpKind.UNREACHABLE: OrderStatus.UNREACHABLE,
    OpKind.DUPLICATE: OrderStatus.DUPLICATE,
    OpKind.ERRONEOUS: OrderStatus.ERRONEOUS,
    OpKind.RETURN_FROM_PREPARATION: OrderStatus.IN_PROGRESS,
    OpKind.REOPEN: OrderStatus.IN_PROGRESS,
}


_CUSTOMER_COLUMNS = (("name", "customer_name"), ("city", "city"), ("address", "address"))


# Statements built once: the action path runs on every click of the agent.
_ORDER_AND_LEASE = (
    select(schema.orders.c.version, schema.held_leases.c.epoch)
    .select_from(
        schema.orders.outerjoin(
            schema.held_leases, schema.held_leases.c.order_id == schema.orders.c.id
        )
    )
    .where(schema.orders.c.id == bindparam("order_id"))
)
_INSERT_JOURNAL = insert(schema.journal).on_conflict_do_nothing()


@dataclass(frozen=True)
class RecordedAction:
    """The op written to the outbox."""

    op_id: str
    client_seq: int
    kind: str
    order_id: int


class UnknownOrder(LookupError):
    """The action names an order the local store does not have."""


class ActionRecorder:
    """``record_action(...)``: local change + outbox row, atomically."""

    def __init__(self, database: StoreDatabase) -> None:
        self._db = database

    def record_action(
        self,
        kind: OpKind | str,
        order_id: int,
        payload: BaseModel | dict[str, Any] | None = None,
        *,
        lease_epoch: int | None = None,
        expected_version: int | None = None,
    ) -> RecordedAction:
        """Write the action locally and queue it for the server in one transaction.

        ``payload`` is the model of ``core.wire.sync_ops.PAYLOAD_MODELS[kind]`` (or its
        dict). Without ``lease_epoch``/``expected_version`` the held lease's epoch is
        used, else the version of the local order. Raises ``pydantic.ValidationError``
        for an invalid payload and ``UnknownOrder`` for an order not in the store.
        """
        op_kind = OpKind(kind)
        model = PAYLOAD_MODELS[op_kind]
        raw = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload or {}
        wire_payload = model.model_validate(raw).model_dump(mode="json", exclude_none=True)
        now = datetime.now(UTC)
        with self._db.writer.begin() as connection:
            order = connection.execute(_ORDER_AND_LEASE, {"order_id": order_id}).first()
            if order is None:
                raise UnknownOrder(f"order {order_id} is not in the local store")
            if lease_epoch is None and expected_version is None:
                lease_epoch = order.epoch
                if lease_epoch is None:
                    expected_version = int(order.version)
            facts = dict(connection.execute(META_FACTS).tuples().all())
            op_id, client_seq = append_op(
                connection,
                kind=op_kind.value,
                order_id=order_id,
                payload=wire_payload,
                lease_epoch=lease_epoch,
                expected_version=expected_version,
                now=now,
                next_seq=int(facts.get("next_client_seq") or 1),
            )
            author = facts.get("display_name") or facts.get("username") or ""
            self._local_effect(connection, op_kind, order_id, op_id, wire_payload, now, author)
        return RecordedAction(
            op_id=op_id, client_seq=client_seq, kind=op_kind.value, order_id=order_id
        )

    def _local_effect(
        self,
        connection: Connection,
        kind: OpKind,
        order_id: int,
        op_id: str,
        payload: dict[str, Any],
        now: datetime,
        author: str,
    ) -> None:
        if kind is OpKind.JOURNAL:
            row = journal_row(payload, pending=True)
            row["agent_name"] = author
            connection.execute(_INSERT_JOURNAL, row)
            return
        note_text = payload.get("text") if kind is OpKind.ADD_NOTE else payload.get("note")
        if note_text:
            connection.execute(
                schema.notes.insert(),
                {
                    "id": f"local:{op_id}",
                    "order_id": order_id,
                    "author_id": None,
                    "author_name": author,
                    "text": note_text,
                    "predefined_code": payload.get("predefined_code"),
                    "created_at": now.isoformat(timespec="microseconds"),
                    "pending": 1,
                    "op_id": op_id,
                },
            )
        if kind.value not in ORDER_CHANGING_KINDS:
            return
        values: dict[str, Any] = {"awaited_version": AWAITING_PUSH}
        status = LOCAL_STATUS_AFTER.get(kind)
        if status is not None:
            values["local_status"] = status.value
        if kind is OpKind.EDIT_CUSTOMER:
            for field, column in _CUSTOMER_COLUMNS:
                if payload.get(field) is not None:
                    values[column] = payload[field]
            if payload.get("phones"):
                values["phone"] = payload["phones"][0]
                values["phones"] = ",".join(payload["phones"])
        if kind is OpKind.SET_DELIVERY_DATE:
            values["delivery_date"] = payload.get("delivery_date")
        if kind is OpKind.EDIT_LINES:
            values["order_discount_pct"] = str(payload.get("order_discount_pct", "0"))
        connection.execute(
            update(schema.orders).where(schema.orders.c.id == order_id).values(**values)
        )
