"""The journal of contact attempts: one entry per call, WhatsApp or SMS.

Entries are always accepted by the server (the call happened) and count
against the attempt cap. ``channel`` is a ``core.attempt_policy.Channel`` value
and ``outcome`` a ``core.attempt_policy.CallOutcome`` value.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import Field

from core.wire.base import Id, WireModel


class JournalDirection(StrEnum):
    """Who started the contact."""

    OUTBOUND = "outbound"
    INBOUND = "inbound"


class JournalKind(StrEnum):
    """What sort of attempt: a SIP call or a message opened in WhatsApp / SMS."""

    CALL = "call"
    MESSAGE = "message"


class JournalEntryIn(WireModel):
    """A contact attempt as the desk records it (payload of a ``journal`` op).

    ``id`` is made by the desk so a replay is recognised.
    """

    id: UUID
    order_id: Id
    channel: str = Field(description="call | whatsapp | sms")
    kind: JournalKind = JournalKind.CALL
    direction: JournalDirection = JournalDirection.OUTBOUND
    number: str = Field(max_length=32, description="E.164 number dialled or messaged")
    started_at: datetime
    ring_seconds: float = Field(default=0, ge=0, le=86400)
    talk_seconds: float = Field(default=0, ge=0, le=86400)
    outcome: str = Field(description="answered | no_answer | busy | declined | ...")
    sip_code: int | None = Field(default=None, ge=100, le=699)
    sip_reason: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=4000)
    template: str | None = Field(default=None, max_length=64, description="Template code")


class JournalEntryWire(JournalEntryIn):
    """A journal entry as the server stores it."""

    agent_id: int
    agent_name: str
    counts_as_contact: bool = False
    recorded_at: datetime
    flag: str | None = Field(
        default=None,
        description="Set when the entry changed nothing on its order and is shown to the "
        "lead (core.rulebook.EntryFlag: not_holder, attempt_cap_reached, call_gap)",
    )


class AttemptCheckRequest(WireModel):
    """``POST /api/v1/orders/{id}/attempts/check``: may I contact this customer now?"""

    channel: str = Field(description="call | whatsapp | sms")


class AttemptCheckResult(WireModel):
    """Allowed: go ahead. Refused attempts answer 409 with ``attempt_cap_reached`` or
    ``call_gap`` (params ``allowed_at``, ``wait_seconds``)."""

    allowed: bool = True
    attempts: int
    cap: int
    remaining: int
    next_call_allowed_at: datetime | None = None
