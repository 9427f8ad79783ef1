"""Push: a batch of ops from a desk's outbox, applied once each.

``POST /api/v1/sync/push`` with header ``Idempotency-Key`` (one per batch) and a
``PushBatch`` body. A replay of the same key and body answers the first answer
and applies nothing; the same key with another body answers 422.

Each op carries ``op_id`` (UUID, idempotent across batches), ``client_seq``
(rises by one per op of a device; a gap is refused with ``sequence_gap``),
``kind`` and ``order_id`` (null only for ``presence``). State changes need
either the ``lease_epoch`` the desk holds or the ``expected_version`` of the
order it edited; journal entries and presence are always accepted. The
payload is the model of ``PAYLOAD_MODELS[kind]`` dumped with
``model_dump(mode="json")``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import Field

from core.wire.base import MAX_INT32, Id, WireModel
from core.wire.journal import JournalEntryIn
from core.wire.presence import PresenceUpdate


class OpKind(StrEnum):
    """What an op does. Actions map onto ``core.order_transitions.OrderAction``."""

    START = "start"
    CONFIRM = "confirm"
    CANCEL = "cancel"
    CALLBACK = "callback"
    UNREACHABLE = "unreachable"
    DUPLICATE = "duplicate"
    ERRONEOUS = "erroneous"
    RETURN_FROM_PREPARATION = "return_from_preparation"
    REOPEN = "reopen"
    EDIT_LINES = "edit_lines"
    EDIT_CUSTOMER = "edit_customer"
    SET_DELIVERY_DATE = "set_delivery_date"
    ADD_NOTE = "add_note"
    JOURNAL = "journal"
    PRESENCE = "presence"  # order_id may be null; payload PresenceUpdate


class OpStatus(StrEnum):
    """The outcome of one op."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"  # this op_id was applied before; nothing done now
    CONFLICT = "conflict"  # stale epoch / version, lease held by another
    REJECTED = "rejected"  # refused by a rule (state machine, cap, stock, input)


class DispositionPayload(WireModel):
    """Payload of start / confirm / unreachable / duplicate / erroneous / reopen /
    return_from_preparation: an optional note (free text or predefined)."""

    note: str | None = Field(default=None, max_length=4000)
    predefined_code: str | None = None


class CancelPayload(DispositionPayload):
    """Cancel needs a reason (one of the shop's cancel reasons or free text)."""

    reason: str = Field(min_length=1, max_length=200)


class CallbackPayload(DispositionPayload):
    """Callback needs a time in the future."""

    callback_at: datetime


class LineEdit(WireModel):
    """A wanted line; the server prices it (never trusts a client price)."""

    article_ref: str
    quantity: int = Field(ge=1, le=999)
    color: str | None = None
    size: str | None = None
    discount_pct: Decimal = Field(default=Decimal("0"), ge=0, le=100)


class EditLinesPayload(WireModel):
    """Replace the lines of the order."""

    lines: list[LineEdit] = Field(min_length=1, max_length=50)
    free_delivery: bool = False
    order_discount_pct: Decimal = Field(default=Decimal("0"), ge=0, le=100)


class EditCustomerPayload(WireModel):
    """Change the customer's details; absent fields are kept."""

    name: str | None = Field(default=None, max_length=200)
    phones: list[str] | None = Field(default=None, max_length=5)
    email: str | None = Field(default=None, max_length=200)
    address: str | None = Field(default=None, max_length=500)
    city: str | None = Field(default=None, max_length=100)


class DeliveryDatePayload(WireModel):
    """A later delivery date agreed with the customer; null clears it. The server
    refuses a past date or one further than the role's limit allows."""

    delivery_date: date | None = None


class NotePayload(WireModel):
    """A note (makes the writer the sticky owner)."""

    text: str = Field(min_length=1, max_length=4000)
    predefined_code: str | None = None


PAYLOAD_MODELS: dict[OpKind, type[WireModel]] = {
    OpKind.START: DispositionPayload,
    OpKind.CONFIRM: DispositionPayload,
    OpKind.CANCEL: CancelPayload,
    OpKind.CALLBACK: CallbackPayload,
    OpKind.UNREACHABLE: DispositionPayload,
    OpKind.DUPLICATE: DispositionPayload,
    OpKind.ERRONEOUS: DispositionPayload,
    OpKind.RETURN_FROM_PREPARATION: DispositionPayload,
    OpKind.REOPEN: DispositionPayload,
    OpKind.EDIT_LINES: EditLinesPayload,
    OpKind.EDIT_CUSTOMER: EditCustomerPayload,
    OpKind.SET_DELIVERY_DATE: DeliveryDatePayload,
    OpKind.ADD_NOTE: NotePayload,
    OpKind.JOURNAL: JournalEntryIn,
    OpKind.PRESENCE: PresenceUpdate,
}


class Op(WireModel):
    """One change recorded by a desk."""

    op_id: UUID
    client_seq: int = Field(ge=1, le=MAX_INT32, description="Per device, rises by one per op")
    kind: OpKind
    order_id: Id | None = Field(default=None, description="Required except for presence")
    lease_epoch: int | None = Field(default=None, ge=0, le=MAX_INT32)
    expected_version: int | None = Field(default=None, ge=0, le=MAX_INT32)
    created_at: datetime | None = Field(default=None, description="Desk clock, informative")
    payload: dict[str, Any] = Field(default_factory=dict)


class PushBatch(WireModel):
    """The body of a push; ``device_id`` scopes ``client_seq``."""

    device_id: str = Field(min_length=1, max_length=64)
    ops: list[Op] = Field(min_length=1, max_length=200)


class OpResult(WireModel):
    """What happened to one op; ``code``/``message``/``params`` explain a refusal."""

    op_id: UUID
    client_seq: int
    status: OpStatus
    code: str | None = None
    message: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    order_version: int | None = Field(default=None, description="Version after the op")


class PushResult(WireModel):
    """Results in the order of the ops; ``last_client_seq`` is what the server has seen."""

    results: list[OpResult]
    last_client_seq: int
