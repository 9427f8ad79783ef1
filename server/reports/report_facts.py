"""Plain facts the report arithmetic works on, independent of the tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.dispositions import Disposition


@dataclass(frozen=True)
class AgentRef:
    """An agent as reports name it."""

    user_id: int
    username: str
    display_name: str
    team_id: int | None
    role: str = "agent"


@dataclass(frozen=True)
class AttemptFact:
    """One journal entry: a call, WhatsApp or SMS attempt on an order."""

    agent_id: int
    order_id: int
    channel: str
    started_at: datetime
    talk_seconds: float
    ring_seconds: float
    outcome: str


@dataclass(frozen=True)
class DispositionFact:
    """An outcome an agent recorded on an order (from the audit)."""

    agent_id: int
    order_id: int
    at: datetime
    disposition: Disposition
    cancel_reason: str | None = None


@dataclass(frozen=True)
class NoteFact:
    """A free-text note without a disposition: the only place an outcome may hide."""

    note_id: int
    agent_id: int
    order_id: int
    at: datetime
    text: str


@dataclass(frozen=True)
class ReportFacts:
    """Everything one report needs, already scoped to the caller's team and range."""

    agents: dict[int, AgentRef]
    attempts: list[AttemptFact]
    dispositions: list[DispositionFact]
    notes: list[NoteFact]
