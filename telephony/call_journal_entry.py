"""One journal entry per call attempt, built by the engine without any UI help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from core.attempt_policy import CallOutcome, Channel


class CallDirection(StrEnum):
    """Who placed the call."""

    OUTBOUND = "outbound"
    INBOUND = "inbound"


@dataclass(frozen=True)
class CallJournalEntry:
    """What happened on one call attempt, with times from the SIP stack.

    ``ring_seconds`` runs from the first ringing/early-media response (or the
    incoming INVITE) to the answer, or to the end when nobody answered.
    ``talk_seconds`` is pjsua's connect duration (answer to disconnect).
    ``sip_code`` is 0 when no SIP transaction happened (e.g. an invalid number).
    ``reason_code`` is a stable machine code; ``message`` an English sentence.
    """

    channel: Channel
    direction: CallDirection
    number: str
    remote_uri: str
    started: datetime
    ringing: datetime | None
    answered: datetime | None
    ended: datetime
    ring_seconds: float
    talk_seconds: float
    sip_code: int
    sip_reason: str
    outcome: CallOutcome
    reason_code: str
    message: str
    sip_call_id: str = ""
    call_handle: int = 0

    def to_json_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: enums as their values, times as ISO 8601 UTC."""

        def iso(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment is not None else None

        return {
            "channel": self.channel.value,
            "direction": self.direction.value,
            "number": self.number,
            "remote_uri": self.remote_uri,
            "started": iso(self.started),
            "ringing": iso(self.ringing),
            "answered": iso(self.answered),
            "ended": iso(self.ended),
            "ring_seconds": round(self.ring_seconds, 3),
            "talk_seconds": round(self.talk_seconds, 3),
            "sip_code": self.sip_code,
            "sip_reason": self.sip_reason,
            "outcome": self.outcome.value,
            "reason_code": self.reason_code,
            "message": self.message,
            "sip_call_id": self.sip_call_id,
            "call_handle": self.call_handle,
        }
