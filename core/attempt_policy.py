"""The shop's contact policy: the attempt cap and the gap between two calls.

Every attempt on every channel (call, WhatsApp, SMS) counts against one cap
per order (default 4). Two calls to the same customer need a minimum gap
(default 10 minutes) so an agent does not redial a customer who just refused
the call. Messages have no gap: the customer reads them when they want.

What counts as an attempt or a contact, and when the cap and the gap refuse,
is ``core.rulebook``'s answer (``is_attempt``, ``is_contact``, ``refusal``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Channel(StrEnum):
    """How the agent tried to reach the customer."""

    CALL = "call"
    WHATSAPP = "whatsapp"
    SMS = "sms"


class CallOutcome(StrEnum):
    """How an attempt ended (for calls, from the SIP final response)."""

    ANSWERED = "answered"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    DECLINED = "declined"
    NOT_FOUND = "not_found"
    FAILED = "failed"
    CANCELLED = "cancelled"
    MESSAGE_SENT = "message_sent"


DEFAULT_ATTEMPT_CAP = 4
DEFAULT_CALL_GAP = timedelta(minutes=10)


@dataclass(frozen=True)
class AttemptPolicy:
    """Cap of attempts per order (all channels) and minimum gap between calls."""

    cap: int = DEFAULT_ATTEMPT_CAP
    call_gap: timedelta = DEFAULT_CALL_GAP

    def __post_init__(self) -> None:
        if self.cap < 1:
            raise ValueError("The attempt cap must be at least 1.")
        if self.call_gap < timedelta(0):
            raise ValueError("The call gap cannot be negative.")

    def next_call_allowed_at(self, last_call_at: datetime | None) -> datetime | None:
        """Earliest time of the next call; ``None`` when there was no call."""
        if last_call_at is None:
            return None
        return last_call_at + self.call_gap
