"""The workspace's phone: wraps the SIP engine for the windows.

It remembers which order each call belongs to, turns every journaled attempt
into a journal action in the local store (so it reaches the server through
the outbox even when offline), keeps the agent's presence in step with the
calls, matches inbound callers to orders, and pauses the agent when the
chosen headset disappears.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QObject

from app.services.order_views import JournalView
from app.services.presence_service import PauseReason, PresenceService
from app.services.softphone_views import (
    AttemptFinished,
    CallPhase,
    CallView,
    ConsultPhase,
    InboundCall,
    RegistrationView,
    SoftphoneControls,
)
from app.services.workspace_store import WorkspaceStore
from core.attempt_policy import CallOutcome, Channel
from core.rulebook import JournalEntryFacts, is_contact
from core.wire.sync_ops import OpKind
from telephony.call_journal_entry import CallDirection, CallJournalEntry
from telephony.sip_engine import SipEngine, SipEngineError
from telephony.sip_events import (
    CallSnapshot,
    CallState,
    IncomingCall,
    RegistrationState,
    TransferProgress,
)

log = logging.getLogger(__name__)

#: How long the lead's phone rings before the agent is back with the customer (who waits
#: on hold meanwhile, so far shorter than a customer call's ring time).
LEAD_RING_TIMEOUT_S = 20.0

#: What a consultation that reached nobody says, by how the call to the lead ended.
_CONSULT_FAILURES = {
    CallOutcome.BUSY: ("lead_busy", "Your lead is busy: you are back with the customer."),
    CallOutcome.DECLINED: ("lead_busy", "Your lead is busy: you are back with the customer."),
    CallOutcome.NO_ANSWER: (
        "lead_no_answer", "Your lead did not answer: you are back with the customer."
    ),
}
_CONSULT_UNREACHABLE = (
    "lead_unreachable", "Your lead's phone cannot be reached: you are back with the customer."
)

#: How long after an answered inbound call a new order typed for the caller still takes it.
_ORPHAN_WINDOW = timedelta(minutes=30)

_PHASES = {
    CallState.CALLING: CallPhase.DIALING,
    CallState.INCOMING: CallPhase.INCOMING,
    CallState.RINGING: CallPhase.RINGING,
    CallState.CONNECTING: CallPhase.ACTIVE,
    CallState.ACTIVE: CallPhase.ACTIVE,
    CallState.DISCONNECTED: CallPhase.ENDED,
}


class Ringer(Protocol):
    """Plays the ringtone on the agent's ringer device (``telephony.audio.Ringtone``)."""

    def start(self) -> None: ...

    def stop(self) -> None: ...


class SoftphoneService(SoftphoneControls):
    """One call at a time for the agent; every attempt journals itself."""

    def __init__(
        self,
        engine: SipEngine,
        store: WorkspaceStore,
        presence: PresenceService,
        *,
        agent_name: str,
        lead_extension: str | Callable[[], str] = "",
        ringer: Ringer | None = None,
        lead_ring_timeout_s: float = LEAD_RING_TIMEOUT_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._store = store
        self._presence = presence
        self._agent_name = agent_name
        # Read at each transfer: the team's setting may change during the day.
        self._lead_extension: Callable[[], str] = (
            lead_extension if callable(lead_extension) else lambda: lead_extension
        )
        # call handle -> (lead extension, attended): what the journal says of it
        self._transfers: dict[int, tuple[str, bool]] = {}
        # The consultation with the lead (attended transfer): its call handle and
        # the lead's extension; the customer's call is ``_call``, on hold meanwhile.
        self._consult: int | None = None
        self._consult_extension = ""
        self._lead_ring_timeout_s = lead_ring_timeout_s
        self._orders: dict[int, int | None] = {}  # call handle -> order id
        self._call: CallView | None = None
        # The last answered inbound call that matched no order, until a new order
        # typed for that caller takes it (see ``attach_inbound_call``).
        self._orphan_inbound: CallJournalEntry | None = None
        self._inbound_handles: set[int] = set()
        self._ringer = ringer
        self._ringing: set[int] = set()  # handles of incoming calls still ringing
        engine.registration_changed.connect(self._on_registration)
        engine.call_state_changed.connect(self._on_call_state)
        engine.call_journaled.connect(self._on_journaled)
        engine.incoming_call.connect(self._on_incoming)
        engine.transfer_progress.connect(self._on_transfer_progress)

    # -- state ---------------------------------------------------------------
    @property
    def call(self) -> CallView | None:
        return self._call

    @property
    def registration(self) -> RegistrationView:
        return self._registration_view(self._engine.registration)

    # -- commands ------------------------------------------------------------
    def dial(self, order_id: int | None, number: str) -> int | None:
        """Call ``number`` for ``order_id``; returns the call handle."""
        if self._call is not None:
            self.refused.emit("call_in_progress", "Hang up the current call first.")
            return None
        handle = self._engine.dial(number)
        self._orders[handle] = order_id
        self._call = CallView(
            handle, order_id, number, CallPhase.DIALING, started_at=datetime.now(UTC)
        )
        self.call_changed.emit(self._call)
        self._presence.call_ringing(order_id)
        return handle

    def hangup(self) -> None:
        if self._consult is not None:
            # During a consultation the red button ends the call with the lead only:
            # the customer on hold is never cut off by it.
            self.return_to_customer()
            return
        if self._call is not None:
            self._engine.hangup(self._call.handle)

    def set_muted(self, muted: bool) -> None:
        if self._call is not None:
            self._engine.set_muted(self._call.handle, muted)

    def set_on_hold(self, on_hold: bool) -> None:
        if self._call is None:
            return
        if on_hold:
            self._engine.hold(self._call.handle)
        else:
            self._engine.resume(self._call.handle)

    def send_dtmf(self, digits: str) -> None:
        if self._call is not None:
            self._engine.send_dtmf(self._call.handle, digits)

    @property
    def lead_extension(self) -> str:
        """Where "Transfer to lead" sends calls now (desk override, else the team's)."""
        return self._lead_extension().strip()

    def transfer_to_lead(self) -> bool:
        """Blind transfer of the call in progress to the team lead's extension."""
        extension = self.lead_extension
        if self._call is None or self._consult is not None:
            return False
        if not extension:
            self.refused.emit("no_lead_extension", "No team-lead extension is configured.")
            return False
        try:
            self._engine.transfer(self._call.handle, extension)
        except SipEngineError as error:
            self.refused.emit(error.code, error.message)
            return False
        self._transfers[self._call.handle] = (extension, False)
        return True

    def consult_lead(self) -> bool:
        """Attended transfer, first step: the customer waits on hold while the agent
        calls the lead. If the lead does not answer or is busy, the agent is back with
        the customer by itself (``refused`` says why)."""
        call = self._call
        extension = self.lead_extension
        if call is None or call.phase != CallPhase.ACTIVE or self._consult is not None:
            return False
        if not extension:
            self.refused.emit("no_lead_extension", "No team-lead extension is configured.")
            return False
        try:
            self._engine.hold(call.handle)
        except SipEngineError as error:
            self.refused.emit(error.code, error.message)
            return False
        self._consult = self._engine.dial(extension, ring_timeout_s=self._lead_ring_timeout_s)
        self._consult_extension = extension
        self._set_consult(ConsultPhase.CALLING)
        return True

    def complete_transfer(self) -> bool:
        """Attended transfer, last step: the customer's call goes to the lead the agent
        is talking to (REFER with Replaces); both calls end when the lead has it."""
        call = self._call
        if call is None or self._consult is None or call.consult is not ConsultPhase.TALKING:
            return False
        try:
            self._engine.transfer_attended(call.handle, self._consult)
        except SipEngineError as error:
            self.refused.emit(error.code, error.message)
            return False
        self._transfers[call.handle] = (self._consult_extension, True)
        self._set_consult(ConsultPhase.TRANSFERRING)
        return True

    def return_to_customer(self) -> None:
        """End the consultation (or stop calling the lead) and resume the customer."""
        consult = self._consult
        if consult is None:
            return
        self._consult = None
        self._engine.hangup(consult)
        self._resume_customer()

    def _resume_customer(self) -> None:
        call = self._call
        if call is None:
            return
        self._transfers.pop(call.handle, None)
        try:
            self._engine.resume(call.handle)
        except SipEngineError as error:
            self.refused.emit(error.code, error.message)
        self._set_consult(None)

    def _set_consult(self, phase: ConsultPhase | None) -> None:
        if self._call is not None and self._call.consult is not phase:
            self._call = replace(self._call, consult=phase)
            self.call_changed.emit(self._call)

    def answer(self, handle: int, order_id: int | None) -> None:
        self._orders[handle] = order_id
        self._inbound_handles.add(handle)
        self._stop_ringing(handle)
        self._engine.answer(handle)

    def decline(self, handle: int) -> None:
        self._stop_ringing(handle)
        self._engine.decline(handle)

    def attach_inbound_call(self, order_id: int) -> None:
        call = self._call
        if (
            call is not None
            and call.order_id is None
            and self._orders.get(call.handle, 0) is None
            and call.handle in self._inbound_handles
        ):
            # Still talking: the call journals itself on the new order when it ends.
            self._orders[call.handle] = order_id
            self._call = replace(call, order_id=order_id)
            self.call_changed.emit(self._call)
            return
        orphan = self._orphan_inbound
        self._orphan_inbound = None
        if orphan is not None and datetime.now(UTC) - orphan.started < _ORPHAN_WINDOW:
            self._store.record_action(OpKind.JOURNAL, order_id, self._payload(order_id, orphan))
    def _stop_ringing(self, handle: int) -> None:
        if handle not in self._ringing:
            return
        self._ringing.discard(handle)
        if not self._ringing and self._ringer is not None:
            self._ringer.stop()

    def on_headset_lost(self, role: str, description: str) -> None:
        """The chosen headset vanished: pause the agent and say so."""
        log.warning("headset lost (%s): %s", role, description)
        self._presence.pause(PauseReason.HEADSET)
        self.headset_lost.emit(description)

    # -- engine events -----------------------------------------------------
    def _registration_view(self, state: RegistrationState) -> RegistrationView:
        detail = state.message or (f"{state.code} {state.reason}".strip() if state.code else "")
        return RegistrationView(state.is_usable, str(state.status), detail)

    def _on_registration(self, state: RegistrationState) -> None:
        self.registration_changed.emit(self._registration_view(state))

    def _on_call_state(self, snapshot: CallSnapshot) -> None:
        phase = _PHASES.get(snapshot.state, CallPhase.DIALING)
        if snapshot.handle in self._ringing and phase in (CallPhase.ACTIVE, CallPhase.ENDED):
            # Answered, declined or given up by the caller: the ringing ends. (An
            # incoming call goes INCOMING -> RINGING once the 180 is out: still ringing.)
            self._stop_ringing(snapshot.handle)
            if phase == CallPhase.ENDED:
                self.incoming_ended.emit(snapshot.handle)
        if snapshot.handle == self._consult:
            calling = self._call is not None and self._call.consult is ConsultPhase.CALLING
            if phase == CallPhase.ACTIVE and calling:
                self._set_consult(ConsultPhase.TALKING)  # the lead answered
            return  # the call with the lead is not a customer attempt
        previous = self._call if self._call and self._call.handle == snapshot.handle else None
        if previous is None and phase != CallPhase.INCOMING and self._call is not None:
            return  # another call (e.g. a second inbound) is not the workspace's call
        order_id = self._orders.get(snapshot.handle)
        answered_at = previous.answered_at if previous else None
        if phase == CallPhase.ACTIVE and answered_at is None:
            answered_at = datetime.now(UTC)
            self._presence.call_started(order_id)
        if phase == CallPhase.ENDED:
            self._call = None
            self.call_changed.emit(None)
            return
        if phase == CallPhase.INCOMING and previous is None:
            return  # shown by the inbound pop-up until answered
        self._call = CallView(
            snapshot.handle,
            order_id,
            snapshot.number,
            phase,
            muted=snapshot.muted,
            on_hold=snapshot.on_hold,
            answered_at=answered_at,
            started_at=previous.started_at if previous else datetime.now(UTC),
            consult=previous.consult if previous else None,
        )
        self.call_changed.emit(self._call)

    def _on_incoming(self, incoming: IncomingCall) -> None:
        # The engine answers a second call busy itself; one that reaches here rings.
        self._ringing.add(incoming.handle)
        if self._ringer is not None:
            self._ringer.start()
        matches = list(self._store.orders_by_phone(incoming.caller_number))
        self.incoming_call.emit(
            InboundCall(
                incoming.handle,
                incoming.caller_number,
                incoming.display_name,
                tuple(o.order_id for o in matches),
                tuple(f"{o.reference} — {o.customer_name}" for o in matches),
            )
        )

    def _order_of_caller(self, number: str) -> int | None:
        matches = self._store.orders_by_phone(number)
        return matches[0].order_id if matches else None

    @staticmethod
    def _payload(order_id: int, entry: CallJournalEntry) -> dict[str, object]:
        return {
            "id": str(uuid.uuid4()),
            "order_id": order_id,
            "channel": str(entry.channel),
            "kind": "call",
            "direction": str(entry.direction),
            "number": entry.number[:32],
            "started_at": entry.started.astimezone(UTC).isoformat(),
            "ring_seconds": round(entry.ring_seconds, 3),
            "talk_seconds": round(entry.talk_seconds, 3),
            "outcome": str(entry.outcome),
            "sip_code": entry.sip_code if 100 <= entry.sip_code <= 699 else None,
            "sip_reason": entry.sip_reason[:200] or None,
        }

    def _on_transfer_progress(self, progress: TransferProgress) -> None:
        call = self._call
        if (
            call is None
            or progress.handle != call.handle
            or call.consult is not ConsultPhase.TRANSFERRING
            or not progress.final
            or 200 <= progress.code < 300
        ):
            return
        # The customer's phone could not reach the lead: both calls are still up.
        self._transfers.pop(call.handle, None)
        self._set_consult(ConsultPhase.TALKING)
        self.refused.emit(
            "transfer_failed",
            "The transfer did not go through: you are still with your lead, "
            "the customer on hold.",
        )

    def _on_consult_journaled(self, entry: CallJournalEntry) -> None:
        """The call with the lead ended: unless the agent ended it, back to the customer."""
        if self._consult != entry.call_handle:
            return  # ended by the agent or after the transfer: nothing left to do
        self._consult = None
        call = self._call
        if call is None:
            return
        transferring = call.consult is ConsultPhase.TRANSFERRING
        if transferring and call.handle in self._transfers:
            return  # a phone that honours Replaces ends our consultation first
        self._resume_customer()
        if entry.outcome is CallOutcome.ANSWERED:
            self.refused.emit("lead_hung_up", "Your lead hung up: you are back with the customer.")
        else:
            self.refused.emit(*_CONSULT_FAILURES.get(entry.outcome, _CONSULT_UNREACHABLE))

    def _on_journaled(self, entry: CallJournalEntry) -> None:
        consulting = entry.call_handle == self._consult
        if consulting or (
            entry.direction is CallDirection.OUTBOUND and entry.call_handle not in self._orders
        ):
            # A call with the lead (every outbound customer call has its order entry):
            # no order's attempt, the presence untouched.
            self._on_consult_journaled(entry)
            return
        order_id = self._orders.pop(entry.call_handle, None)
        transferred_to = self._transfers.pop(entry.call_handle, None)
        if order_id is None and entry.direction is CallDirection.INBOUND:
            # A customer who called back and was missed (busy, hung up while it
            # rang): the attempt goes on their order, where the agent sees it.
            order_id = self._order_of_caller(entry.number)
        other_call_up = self._call is not None and self._call.handle != entry.call_handle
        if self._call is not None and self._call.handle == entry.call_handle:
            self._call = None
            self.call_changed.emit(None)
        contact = is_contact(
            JournalEntryFacts(
                channel=Channel.CALL,
                outcome=entry.outcome,
                inbound=entry.direction is CallDirection.INBOUND,
                started_at=entry.started,
            )
        )
        journal = JournalView(
            at=entry.started,
            channel=str(entry.channel),
            direction=str(entry.direction),
            number=entry.number,
            outcome=str(entry.outcome),
            ring_seconds=entry.ring_seconds,
            talk_seconds=entry.talk_seconds,
            sip_code=entry.sip_code or None,
            sip_reason=entry.sip_reason,
            agent=self._agent_name,
        )
        self._inbound_handles.discard(entry.call_handle)
        op_id = ""
        if order_id is not None:
            payload = self._payload(order_id, entry)
            if transferred_to is not None and entry.reason_code == "transferred":
                # The journal says where the customer went (the lead sees it too).
                extension, attended = transferred_to
                payload["note"] = (
                    f"Transferred to the team lead ({extension}) after a consultation."
                    if attended
                    else f"Transferred to the team lead ({extension})."
                )
            op_id = self._store.record_action(OpKind.JOURNAL, order_id, payload)
        elif entry.direction is CallDirection.INBOUND and contact:
            self._orphan_inbound = entry
        if not other_call_up:
            # A call refused as busy must not end the presence of the call in progress.
            self._presence.call_ended(order_id)
        consult = self._consult
        if consult is not None and not other_call_up:
            # The customer's call is over (transferred, or they hung up while on
            # hold): the call with the lead has nothing left to serve.
            self._consult = None
            self._engine.hangup(consult)
            if transferred_to is None or entry.reason_code != "transferred":
                self.refused.emit(
                    "customer_hung_up", "The customer hung up during the consultation."
                )
        self.attempt_finished.emit(AttemptFinished(order_id, journal, op_id, contact))
