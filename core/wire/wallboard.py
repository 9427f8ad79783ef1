"""The team lead's wallboard: ``GET /api/v1/wallboard``.

Figures are for the caller's team (lead) or every team (admin), "today" being
the shop's day in its time zone (shop setting ``time_zone``).
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from core.shop_time import DEFAULT_TIME_ZONE
from core.wire.base import WireModel
from core.wire.orders import EscalationReason, LeaseInfo
from core.wire.presence import PresenceState


class QueueFigures(WireModel):
    """The queue: how much work is waiting."""

    open_total: int = 0
    unassigned: int = 0
    callbacks_due: int = 0
    never_contacted: int = 0
    returned: int = 0
    in_progress: int = 0
    held_now: int = Field(default=0, description="Orders under a live lease")
    oldest_open_at: datetime | None = None


class AgentFigures(WireModel):
    """One agent's line on the wallboard."""

    user_id: int
    username: str
    display_name: str
    state: PresenceState
    reason: str | None = None
    since: datetime | None = None
    order_id: int | None = None
    orders_held: int = 0
    calls_today: int = 0
    contacts_today: int = 0
    talk_seconds_today: float = 0
    confirmed_today: int = 0
    cancelled_today: int = 0
    confirmed_last_hour: int = 0


class HourBucket(WireModel):
    """Confirmations in one hour of the shop's today (the hour's start as a UTC moment)."""

    hour: datetime
    confirmed: int


class EscalationRow(WireModel):
    """An order waiting for the lead's answer, oldest first on the wallboard."""

    order_id: int
    order_reference: str
    customer_name: str
    agent_id: int
    agent_name: str
    reason: EscalationReason
    text: str = ""
    since: datetime


class FlaggedEntry(WireModel):
    """A journal entry stored but flagged (``core.rulebook.EntryFlag``): a call made by
    someone who did not hold the order, past the attempt cap or inside the call gap."""

    entry_id: str
    order_id: int
    order_reference: str
    agent_id: int
    agent_name: str
    channel: str
    started_at: datetime
    flag: str


class WallboardSnapshot(WireModel):
    """Everything the wallboard draws, computed by the server."""

    generated_at: datetime
    time_zone: str = Field(
        default=DEFAULT_TIME_ZONE, description="The shop's zone: its day and hour slots"
    )
    team_id: int | None = None
    queue: QueueFigures
    agents: list[AgentFigures] = Field(default_factory=list)
    confirmations_per_hour: list[HourBucket] = Field(default_factory=list)
    leases: list[LeaseInfo] = Field(
        default_factory=list, description="Live leases: who holds which order since when"
    )
    confirmed_today: int = 0
    cancelled_today: int = 0
    calls_today: int = 0
    confirmation_rate: float = Field(default=0.0, description="confirmed / closed today, 0..1")
    last_change_seq: int = 0
    escalations: list[EscalationRow] = Field(default_factory=list)
    flagged_entries: list[FlaggedEntry] = Field(
        default_factory=list, description="Today's flagged journal entries, newest first"
    )
