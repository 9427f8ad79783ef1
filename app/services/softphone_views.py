"""What the softphone service tells the windows: plain snapshots, no pjsua2."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from app.services.order_views import JournalView


class CallPhase(StrEnum):
    """Call progress as the call bar shows it."""

    IDLE = "idle"
    DIALING = "dialing"
    RINGING = "ringing"
    INCOMING = "incoming"
    ACTIVE = "active"
    ENDED = "ended"


class ConsultPhase(StrEnum):
    """Where a consultation with the lead stands (the customer waits on hold)."""

    CALLING = "calling"  # the lead's phone rings
    TALKING = "talking"  # the lead answered: transfer or go back to the customer
    TRANSFERRING = "transferring"  # the customer's phone is calling the lead


@dataclass(frozen=True)
class CallView:
    """The call in progress (one at a time in the workspace); ``consult`` is set
    while the agent consults the lead on a second call, the customer on hold."""

    handle: int
    order_id: int | None
    number: str
    phase: CallPhase
    muted: bool = False
    on_hold: bool = False
    answered_at: datetime | None = None
    started_at: datetime | None = None
    consult: ConsultPhase | None = None


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


class SoftphoneControls(QObject):
    """What the windows use of the softphone (no pjsua2 types in sight).

    ``SoftphoneService`` is the implementation; the window only knows this base.
    """

    registration_changed = Signal(object)  # RegistrationView
    call_changed = Signal(object)  # CallView | None
    attempt_finished = Signal(object)  # AttemptFinished
    incoming_call = Signal(object)  # InboundCall
    incoming_ended = Signal(int)  # handle of an incoming call that stopped ringing
    headset_lost = Signal(str)  # description of the lost device
    refused = Signal(str, str)  # code, English message (also what became of a consultation)

    @property
    def call(self) -> CallView | None:
        raise NotImplementedError

    @property
    def registration(self) -> RegistrationView:
        raise NotImplementedError

    def dial(self, order_id: int | None, number: str) -> int | None:
        raise NotImplementedError

    def hangup(self) -> None:
        raise NotImplementedError

    def set_muted(self, muted: bool) -> None:
        raise NotImplementedError

    def set_on_hold(self, on_hold: bool) -> None:
        raise NotImplementedError

    def send_dtmf(self, digits: str) -> None:
        raise NotImplementedError

    def transfer_to_lead(self) -> bool:
        raise NotImplementedError

    def consult_lead(self) -> bool:
        """Put the customer on hold and call the lead (attended transfer, first step)."""
        raise NotImplementedError

    def complete_transfer(self) -> bool:
        """Hand the customer to the lead the agent is consulting."""
        raise NotImplementedError

    def return_to_customer(self) -> None:
        """End the consultation and take the customer off hold."""
        raise NotImplementedError

    def answer(self, handle: int, order_id: int | None) -> None:
        raise NotImplementedError

    def decline(self, handle: int) -> None:
        raise NotImplementedError

    def attach_inbound_call(self, order_id: int) -> None:
        """A new order was typed during (or just after) an answered inbound call that
        belonged to no order: journal that call on the new order (it is the contact
        that lets the agent confirm it)."""
        raise NotImplementedError
