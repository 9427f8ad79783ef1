"""How often an order's customer may be contacted, and what counts as contact.

Every attempt on every channel (call, WhatsApp, SMS) counts against one cap
per order (default 4). Two calls to the same customer need a minimum gap
(default 10 minutes) so an agent does not redial a customer who just refused
the call. Messages have no gap: the customer reads them when they want.

Counting rules (``counts_as_attempt`` / ``counts_as_contact``):
- an attempt is anything that reached the network or the customer's phone;
  a call that FAILED locally (no network, SIP account down) is not one, the
  agent did not get a chance to reach anybody;
- a contact means the customer was actually reached: an ANSWERED call (or an
  answered exchange on WhatsApp/SMS recorded as ANSWERED). A message merely
  sent is an attempt, not a contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from core.domain_error import DomainError


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


def counts_as_attempt(channel: Channel, outcome: CallOutcome) -> bool:
    """Whether this attempt counts against the cap (a local failure does not)."""
    return outcome != CallOutcome.FAILED


def counts_as_contact(channel: Channel, outcome: CallOutcome) -> bool:
    """Whether the customer was actually reached."""
    return outcome == CallOutcome.ANSWERED


class AttemptRefused(DomainError):
    """Another attempt is not allowed now (cap reached, or calls too close)."""


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

    def remaining_attempts(self, attempts_so_far: int) -> int:
        return max(0, self.cap - attempts_so_far)

    def cap_reached(self, attempts_so_far: int) -> bool:
        return attempts_so_far >= self.cap

    def exhausted(self, attempts_so_far: int, contacts_so_far: int) -> bool:
        """Cap reached without ever reaching the customer: time for "Injoignable"."""
        return self.cap_reached(attempts_so_far) and contacts_so_far == 0

    def next_call_allowed_at(self, last_call_at: datetime | None) -> datetime | None:
        """Earliest time of the next call; ``None`` when there was no call."""
        if last_call_at is None:
            return None
        return last_call_at + self.call_gap

    def check_can_attempt(
        self,
        channel: Channel,
        attempts_so_far: int,
        last_call_at: datetime | None,
        now: datetime,
    ) -> None:
        """Raise ``AttemptRefused`` when this attempt is not allowed now."""
        if self.cap_reached(attempts_so_far):
            raise AttemptRefused(
                "attempt_cap_reached",
                f"This order already had {attempts_so_far} contact attempts "
                f"(the limit is {self.cap}). Mark it unreachable or ask your team lead.",
                {"attempts": attempts_so_far, "cap": self.cap},
            )
        if channel != Channel.CALL:
            return
        allowed_at = self.next_call_allowed_at(last_call_at)
        if allowed_at is not None and now < allowed_at:
            wait = allowed_at - now
            minutes = max(1, -(-int(wait.total_seconds()) // 60))
            raise AttemptRefused(
                "call_gap",
                f"This customer was called less than {_minutes(self.call_gap)} minutes ago. "
                f"Wait {minutes} more minute{'s' if minutes > 1 else ''} before calling again.",
                {
                    "allowed_at": allowed_at.isoformat(),
                    "wait_seconds": int(wait.total_seconds()),
                    "gap_minutes": _minutes(self.call_gap),
                },
            )


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)
