"""Agent presence, shown on the wallboard and to the team."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from core.wire.base import Id, WireModel


class PresenceState(StrEnum):
    """Where an agent is in the working day."""

    AVAILABLE = "available"
    RINGING = "ringing"
    IN_CALL = "in_call"
    WRAP_UP = "wrap_up"
    PAUSED = "paused"
    OFFLINE = "offline"


class PresenceUpdate(WireModel):
    """``PUT /api/v1/presence``; ``reason`` is expected with ``paused``."""

    state: PresenceState
    reason: str | None = Field(default=None, max_length=100)
    order_id: Id | None = None


class PresenceWire(WireModel):
    """An agent's presence and since when (server clock)."""

    user_id: int
    username: str
    display_name: str
    team_id: int | None = None
    state: PresenceState
    reason: str | None = None
    order_id: int | None = None
    since: datetime
