"""The journal entry of one WhatsApp / SMS launch (plain data for the app's journal)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from core.attempt_policy import Channel


class LaunchKind(StrEnum):
    """What the agent started on the channel."""

    MESSAGE = "message"  # a text (WhatsApp chat or SMS) with the template prefilled
    CALL = "call"  # a WhatsApp call
    VOICE = "voice"  # a WhatsApp chat opened to record a voice message


class LaunchRoute(StrEnum):
    """How it left the desk."""

    URI = "uri"  # handed to the OS (WhatsApp, a phone-link app)
    GATEWAY = "gateway"  # posted to the server's SMS gateway


@dataclass(frozen=True)
class LaunchJournalEntry:
    """One launch; the agent gives the outcome afterwards (no answer is known here).

    ``launched`` is False when the OS could not open the URI or the gateway refused:
    ``error_code`` / ``error_message`` say why (English; the app translates the code).
    """

    channel: Channel
    kind: LaunchKind
    template_code: str | None
    number: str  # E.164
    started: datetime  # timezone-aware UTC
    route: LaunchRoute
    target: str  # the URI opened, or the gateway URL
    launched: bool
    gateway_message_id: str | None = None
    error_code: str | None = None
    error_message: str | None = None
