"""What the softphone service tells the windows: plain snapshots, no pjsua2."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.services.order_views import JournalView


class CallPhase(StrEnum):
    """Call progress as the call bar shows it."""

    IDLE = "idle"
    DIALING = "dialing"
    RINGING = "ringing"
    INCOMING = "incoming"
    ACTIVE = "active"
    ENDED = "ended"


@dataclass(frozen=True)
class CallView:
    """The call in progress (one at a time in the workspace)."""

    handle: int
    order_id: int | None
    number: str
    phase: CallPhase
    muted: bool = False
    on_hold: bool = False
    answered_at: datetime | None = None
    started_at: datetime | None = None


@dataclass(frozen=True)
class RegistrationView:
    """SIP registration for the status bar."""

    usable: bool
    status: str  # "registered", "registering", "failed", "unregistered", "direct"
    detail: str = ""


@dataclass(frozen=True)
class AttemptFinished:
    """A call attempt ended and was journaled by itself."""

    order_id: int | None
    journal: JournalView
    op_id: str
    counts_as_contact: bool


@dataclass(frozen=True)
class InboundCall:
    """A customer calling in, with the orders that match the number."""

    handle: int
    number: str
    display_name: str
    order_ids: tuple[int, ...]
    order_labels: tuple[str, ...]
