"""Plain data the engine's signals carry: copied out of pjsua2, safe to keep."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from telephony.call_journal_entry import CallDirection


class RegistrationStatus(StrEnum):
    """Where the account's registration stands."""

    UNREGISTERED = "unregistered"
    REGISTERING = "registering"
    REGISTERED = "registered"
    FAILED = "failed"
    DIRECT = "direct"  # account without a registrar: dials peers directly


@dataclass(frozen=True)
class RegistrationState:
    """Registration state of the configured account, with the registrar's answer."""

    status: RegistrationStatus
    code: int = 0
    reason: str = ""
    expires_s: int = 0
    message: str = ""

    @property
    def is_usable(self) -> bool:
        return self.status in (RegistrationStatus.REGISTERED, RegistrationStatus.DIRECT)


class CallState(StrEnum):
    """Call progress as the UI shows it."""

    CALLING = "calling"  # INVITE sent, nothing heard yet
    INCOMING = "incoming"  # ringing at the agent
    RINGING = "ringing"  # 180 / 183 received
    CONNECTING = "connecting"  # 200 sent/received, waiting for ACK
    ACTIVE = "active"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True)
class CallSnapshot:
    """State of one call at one moment."""

    handle: int
    direction: CallDirection
    number: str
    remote_uri: str
    state: CallState
    sip_code: int
    sip_reason: str
    media_active: bool
    muted: bool
    on_hold: bool


@dataclass(frozen=True)
class IncomingCall:
    """A customer calling in: the app matches ``caller_number`` to orders."""

    handle: int
    caller_number: str  # E.164 when it parses as a phone number, else the URI user
    remote_uri: str
    display_name: str


@dataclass(frozen=True)
class DtmfDigit:
    """A DTMF digit received on a call (RFC 2833 or SIP INFO)."""

    handle: int
    digit: str


@dataclass(frozen=True)
class TransferProgress:
    """Progress of a transfer (blind or attended), from the NOTIFYs of the REFER
    subscription."""

    handle: int
    code: int
    reason: str
    final: bool
