"""What the wallboard shows, as plain data the window can draw.

The state is rebuilt from the server's snapshot and then updated in place by
live events (see ``wallboard_events``). Every figure is "today" in the shop's
time zone as the server counts it; the window only formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from core.dispositions import OutcomeClass
from core.order_status import OrderStatus
from core.wire.orders import EscalationReason


class AgentPresence(StrEnum):
    """What an agent is doing right now (values as the server sends them)."""

    AVAILABLE = "available"
    RINGING = "ringing"
    IN_CALL = "in_call"
    WRAP_UP = "wrap_up"
    PAUSED = "paused"
    OFFLINE = "offline"

    @classmethod
    def parse(cls, value: str | None) -> AgentPresence:
        """Unknown or missing values read as offline rather than failing the board."""
        try:
            return cls(value or "offline")
        except ValueError:
            return cls.OFFLINE


@dataclass(frozen=True)
class AgentTile:
    """One agent's tile: presence and today's figures."""

    user_id: int
    display_name: str
    presence: AgentPresence = AgentPresence.OFFLINE
    presence_since: datetime | None = None
    pause_reason: str | None = None
    order_id: int | None = None
    order_reference: str | None = None
    calls_today: int = 0
    talk_seconds_today: int = 0
    confirmed_today: int = 0
    closed_today: int = 0

    @property
    def conversion(self) -> float | None:
        """Confirmed ÷ closed today; None before the first closed order."""
        if self.closed_today <= 0:
            return None
        return self.confirmed_today / self.closed_today

    def time_in_state(self, now: datetime) -> timedelta | None:
        if self.presence_since is None:
            return None
        return max(timedelta(0), now - self.presence_since)


@dataclass(frozen=True)
class LeaseHeld:
    """An order some agent holds right now."""

    order_id: int
    order_reference: str
    holder_id: int
    holder_name: str
    since: datetime
    expires_at: datetime | None = None


@dataclass(frozen=True)
class HourSlot:
    """Calls and confirmations in one hour slot of today (local hour 0–23)."""

    hour: int
    calls: int = 0
    confirmations: int = 0


@dataclass(frozen=True)
class EscalationWaiting:
    """An order an agent handed to the lead, waiting for an answer since ``since``."""

    order_id: int
    order_reference: str
    customer_name: str
    agent_id: int
    agent_name: str
    reason: EscalationReason
    text: str
    since: datetime

    def waiting(self, now: datetime) -> timedelta:
        return max(timedelta(0), now - self.since)


@dataclass(frozen=True)
class FlaggedCall:
    """A contact attempt stored today but flagged to the lead (``core.rulebook.EntryFlag``):
    made without holding the order, past the attempt cap, or inside the call gap."""

    order_id: int
    order_reference: str
    agent_id: int
    agent_name: str
    channel: str
    started_at: datetime
    flag: str


@dataclass
class WallboardState:
    """Everything the wallboard draws, at ``as_of`` (server clock)."""

    as_of: datetime
    team_name: str | None = None
    agents: dict[int, AgentTile] = field(default_factory=dict)
    queue_by_status: dict[OrderStatus, int] = field(default_factory=dict)
    callbacks_due: int = 0
    returned_from_preparation: int = 0
    leases: dict[int, LeaseHeld] = field(default_factory=dict)
    outcomes_today: dict[OutcomeClass, int] = field(default_factory=dict)
    hourly: dict[int, HourSlot] = field(default_factory=dict)
    oldest_unconfirmed_at: datetime | None = None
    oldest_unconfirmed_reference: str | None = None
    escalations: list[EscalationWaiting] = field(default_factory=list)
    #: False when the server's snapshot (the only source of escalations) failed.
    escalations_read: bool = True
    #: Today's flagged attempts, newest first (from the server's snapshot).
    flagged: list[FlaggedCall] = field(default_factory=list)
    cursor: int = 0

    def agents_sorted(self) -> list[AgentTile]:
        """Stable display order: by name, then id."""
        return sorted(self.agents.values(), key=lambda a: (a.display_name.casefold(), a.user_id))

    def leases_sorted(self) -> list[LeaseHeld]:
        """Oldest lease first: the one a lead most likely wants to look at."""
        return sorted(self.leases.values(), key=lambda lease: (lease.since, lease.order_id))

    def escalations_sorted(self) -> list[EscalationWaiting]:
        """Oldest escalation first: the customer who has waited longest."""
        return sorted(self.escalations, key=lambda e: (e.since, e.order_id))

    def hourly_sorted(self) -> list[HourSlot]:
        return [self.hourly[h] for h in sorted(self.hourly)]

    def update_agent(self, user_id: int, **changes: object) -> AgentTile | None:
        """Replace one tile with some fields changed; None if the agent is unknown."""
        tile = self.agents.get(user_id)
        if tile is None:
            return None
        new_tile = replace(tile, **changes)  # type: ignore[arg-type]
        self.agents[user_id] = new_tile
        return new_tile
