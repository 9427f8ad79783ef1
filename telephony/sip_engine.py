"""The softphone engine: one object owning the pjsua2 endpoint, driven by a QTimer.

pjsua2 runs with ``threadCnt = 0`` and ``mainThreadOnly = True``: pjsip has no
worker threads of its own and every callback runs inside ``libHandleEvents(0)``,
which a 10 ms QTimer calls on the thread that created the engine. Callbacks are
turned into plain events by :mod:`telephony.sip_event_adapter` and handled here
after ``libHandleEvents`` returns. Calls live in ``_calls`` by handle until they
end, then in ``_finished`` until the next tick drops the pjsua2 object (never
inside its own callback). Every attempt emits exactly one ``call_journaled``.

Only pjmedia's clock thread (null sound device) runs outside; the audio bridge,
not this engine, deals with it.
"""

from __future__ import annotations

import gc
import logging
import re
import time
from collections import deque
from typing import Any

import pjsua2 as pj
from PySide6.QtCore import QObject, QTimer, Signal

from core.domain_error import DomainError
from telephony.call_attempt_record import CallAttemptRecord
from telephony.call_audio_protocol import CallAudioBridgeFactory
from telephony.call_journal_entry import CallDirection
from telephony.call_outcome_classifier import LocalEnd, PreSipFailure
from telephony.caller_identity import caller_identity
from telephony.dial_plan import DialPlan, DialTarget, InvalidDialTarget
from telephony.pjsua_setup import (
    account_config,
    apply_codec_priorities,
    create_transports,
    endpoint_config,
    local_account_config,
)
from telephony.registration_verdict import registrar_silent_state, registration_state_for
from telephony.sip_account_settings import SipAccountSettings, SipTransport
from telephony.sip_engine_settings import SipEngineSettings
from telephony.sip_event_adapter import (
    AdapterAccount,
    AdapterCall,
    CallMediaEvent,
    CallStateEvent,
    DtmfEvent,
    EventTime,
    IncomingCallEvent,
    RegStartedEvent,
    RegStateEvent,
    SipEventAdapter,
    TransferStatusEvent,
)
from telephony.sip_events import (
    CallSnapshot,
    CallState,
    DtmfDigit,
    IncomingCall,
    RegistrationState,
    RegistrationStatus,
    TransferProgress,
)

log = logging.getLogger(__name__)

#: How long a resume waits for an earlier re-INVITE of the same call to be answered.
_UNHOLD_WAIT_S = 5.0


class SipEngineError(DomainError):
    """A call-control request that cannot be carried out (code, params, English message)."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(code, message, params)


_STATE_BY_PJ = {
    pj.PJSIP_INV_STATE_NULL: CallState.CALLING,
    pj.PJSIP_INV_STATE_CALLING: CallState.CALLING,
    pj.PJSIP_INV_STATE_INCOMING: CallState.INCOMING,
    pj.PJSIP_INV_STATE_EARLY: CallState.RINGING,
    pj.PJSIP_INV_STATE_CONNECTING: CallState.CONNECTING,
    pj.PJSIP_INV_STATE_CONFIRMED: CallState.ACTIVE,
    pj.PJSIP_INV_STATE_DISCONNECTED: CallState.DISCONNECTED,
}



class SipEngine(QObject):
    """The agent's SIP phone. Create it on the GUI thread (or any Qt thread with
    an event loop) and keep it for the whole session; call :meth:`shutdown`
    before the QCoreApplication goes away.

    ``audio_bridge_factory`` makes one :class:`CallAudioBridgeProtocol` per
    stretch of active call media; with None the call audio stays on pjsua2's
    null device. A factory that needs the endpoint can read :attr:`endpoint`.
    """

    registration_changed = Signal(object)  # RegistrationState
    call_state_changed = Signal(object)  # CallSnapshot
    incoming_call = Signal(object)  # IncomingCall
    call_journaled = Signal(object)  # CallJournalEntry, exactly one per attempt
    dtmf_received = Signal(object)  # DtmfDigit
    transfer_progress = Signal(object)  # TransferProgress

    def __init__(
        self,
        settings: SipEngineSettings | None = None,
        audio_bridge_factory: CallAudioBridgeFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings or SipEngineSettings()
        self._bridge_factory = audio_bridge_factory
        self._adapter = SipEventAdapter(self)
        self._adapter.call_state.connect(self._on_call_state)
        self._adapter.call_media.connect(self._on_call_media)
        self._adapter.registration.connect(self._on_registration)
        self._adapter.registration_started.connect(self._on_registration_started)
        self._adapter.incoming_call.connect(self._on_incoming_call)
        self._adapter.transfer_status.connect(self._on_transfer_status)
        self._adapter.dtmf.connect(self._on_dtmf)
        self._calls: dict[int, CallAttemptRecord] = {}
        self._finished: list[CallAttemptRecord] = []
        self._pre_sip_failures: list[CallAttemptRecord] = []
        self._recent_dials: deque[float] = deque()
        self._transport_ids: dict[SipTransport, int] = {}
        self._transport_errors: dict[SipTransport, str] = {}
        self._account: AdapterAccount | None = None
        self._account_settings: SipAccountSettings | None = None
        self._registration = RegistrationState(RegistrationStatus.UNREGISTERED)
        # Monotonic time a REGISTER went out still unanswered (None: nothing pending).
        self._register_pending_since: float | None = None
        self._destroyed = False
        self._endpoint = pj.Endpoint()
        self._start_library()
        self._local_account = self._create_local_account()
        self._timer = QTimer(self)
        self._timer.setInterval(self._settings.tick_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    # ----------------------------------------------------------------- setup
    def _start_library(self) -> None:
        ep = self._endpoint
        ep.libCreate()
        ep.libInit(endpoint_config(self._settings))
        transports = create_transports(ep, self._settings)
        self._transport_ids = transports.ids
        self._transport_errors = transports.errors
        ep.libStart()
        ep.audDevManager().setNullDev()
        apply_codec_priorities(ep)

    def _create_local_account(self) -> AdapterAccount:
        account = AdapterAccount(self._adapter)
        account.create(local_account_config(self._settings))
        return account

    # ------------------------------------------------------------ properties
    @property
    def endpoint(self) -> pj.Endpoint:
        """The pjsua2 Endpoint, for an audio bridge factory that needs it."""
        if self._destroyed:
            raise SipEngineError("engine_shut_down", "The phone engine has been shut down.")
        return self._endpoint

    @property
    def registration(self) -> RegistrationState:
        return self._registration

    def transport_port(self, transport: SipTransport) -> int | None:
        """Local port of a transport (useful when the settings asked for port 0)."""
        if self._destroyed:
            return None
        transport_id = self._transport_ids.get(transport)
        if transport_id is None:
            return None
        info = self._endpoint.transportGetInfo(transport_id)
        return int(info.localName.rsplit(":", 1)[1])

    def live_call_count(self) -> int:
        """Calls not yet dropped (live plus those ended since the last tick)."""
        return len(self._calls) + len(self._finished)

    def live_call_object_count(self) -> int:
        """pjsua2 Call objects still alive in Python (for leak checks)."""
        return len(self._adapter.live_call_objects)

    def calls(self) -> list[CallSnapshot]:
        return [record.snapshot() for record in self._calls.values()]

    # -------------------------------------------------------------- accounts
    def configure_account(self, settings: SipAccountSettings, password: str) -> None:
        """Replace the SIP account; registers at once when ``settings.register``.

        The password comes from the caller (the app reads it from the keyring
        with :func:`telephony.sip_credentials.read_sip_password`).
        """
        if self._calls:
            raise SipEngineError("calls_in_progress", "Hang up before changing the SIP account.")
        transport_id = self._transport_ids.get(settings.transport)
        if transport_id is None:
            detail = self._transport_errors.get(settings.transport, "disabled in the settings")
            raise SipEngineError(
                "transport_unavailable",
                f"The {settings.transport.value.upper()} transport is not available: {detail}",
                transport=settings.transport.value,
            )
        self.remove_account()
        config = account_config(settings, password, self._settings)
        account = AdapterAccount(self._adapter)
        try:
            account.create(config)
        except pj.Error as error:
            raise SipEngineError(
                "account_invalid", f"The SIP account settings are invalid: {error.info()}"
            ) from error
        self._account = account
        self._account_settings = settings
        self._register_pending_since = time.monotonic() if settings.register else None
        status = RegistrationStatus.REGISTERING if settings.register else RegistrationStatus.DIRECT
        message = "Registering…" if settings.register else "Dialling peers directly."
        self._set_registration(RegistrationState(status, message=message))

    def remove_account(self) -> None:
        """Unregister and forget the configured account (calls must be over)."""
        if self._account is None:
            return
        account = self._account
        self._account = None
        self._account_settings = None
        self._register_pending_since = None
        account.shutdown()
        self._set_registration(RegistrationState(RegistrationStatus.UNREGISTERED))

    def _set_registration(self, state: RegistrationState) -> None:
        self._registration = state
        self.registration_changed.emit(state)

    # ------------------------------------------------------------------ dial
    def dial(
        self,
        target: str,
        *,
        ring_timeout_s: float | None = None,
        hangup_after_s: float | None = None,
    ) -> int:
        """Place a call to an E.164 number, a national number, an extension or a SIP URI.

        Returns the call's handle at once. Whatever happens next (including an
        invalid number) ends in one ``call_journaled`` signal for this handle.
        ``hangup_after_s`` hangs up that long after the answer (diagnostics).
        """
        handle = self._adapter.next_handle()
        started = EventTime.now()
        account = self._account if self._account is not None else self._local_account
        try:
            resolved = self._resolve(target)
        except InvalidDialTarget as error:
            return self._fail_before_sip(
                handle, target, started, PreSipFailure.INVALID_NUMBER, error.message
            )
        while self._recent_dials and started.mono - self._recent_dials[0] > 1.0:
            self._recent_dials.popleft()
        if len(self._recent_dials) >= self._settings.max_dials_per_second:
            return self._fail_before_sip(
                handle, resolved.number, started, PreSipFailure.TOO_MANY_CALLS, ""
            )
        if self._registration.status is RegistrationStatus.FAILED:
            return self._fail_before_sip(
                handle, resolved.number, started, PreSipFailure.NOT_REGISTERED,
                self._registration.message,
            )
        self._recent_dials.append(started.mono)
        call = AdapterCall(self._adapter, account, pj.PJSUA_INVALID_ID, handle)
        ring_timeout = (
            ring_timeout_s if ring_timeout_s is not None else self._settings.ring_timeout_s
        )
        record = CallAttemptRecord(
            handle=handle,
            direction=CallDirection.OUTBOUND,
            number=resolved.number,
            remote_uri=resolved.uri,
            started=started,
            call=call,
            setup_deadline=started.mono + self._settings.setup_timeout_s,
            ring_deadline=started.mono + ring_timeout,
            hangup_after_s=hangup_after_s,
        )
        self._calls[handle] = record
        param = pj.CallOpParam(True)
        param.opt.audioCount = 1
        param.opt.videoCount = 0
        try:
            call.makeCall(resolved.uri, param)
        except pj.Error as error:
            del self._calls[handle]
            record.call = None
            failure = (
                PreSipFailure.INVALID_NUMBER
                if "URI" in error.info().upper()
                else PreSipFailure.STACK_ERROR
            )
            return self._fail_before_sip(handle, resolved.number, started, failure, error.reason)
        self.call_state_changed.emit(record.snapshot())
        return handle

    def _fail_before_sip(
        self, handle: int, number: str, started: EventTime, failure: PreSipFailure, detail: str
    ) -> int:
        record = CallAttemptRecord(
            handle=handle,
            direction=CallDirection.OUTBOUND,
            number=number,
            remote_uri="",
            started=started,
            state=CallState.DISCONNECTED,
            ended=started,
            pre_sip_failure=failure,
            local_detail=detail,
        )
        # Journaled on the next tick, so the caller has the handle before the signal.
        self._pre_sip_failures.append(record)
        return handle

    # ---------------------------------------------------------- call control
    def _live(self, handle: int) -> CallAttemptRecord:
        record = self._calls.get(handle)
        if record is None or record.call is None or record.ended is not None:
            raise SipEngineError("no_such_call", "This call has already ended.", handle=handle)
        return record

    def hangup(self, handle: int) -> None:
        """Hang up (or cancel while ringing, or decline when incoming). Ended calls: no-op."""
        record = self._calls.get(handle)
        if record is None or record.ended is not None:
            return
        if record.direction is CallDirection.INBOUND and record.answered is None:
            self._end(record, LocalEnd.AGENT_DECLINE, status_code=603)
        else:
            self._end(record, LocalEnd.AGENT_HANGUP)

    def decline(self, handle: int) -> None:
        """Refuse an incoming call (603 Decline)."""
        record = self._live(handle)
        self._end(record, LocalEnd.AGENT_DECLINE, status_code=603)

    def answer(self, handle: int) -> None:
        """Answer an incoming call."""
        record = self._live(handle)
        if record.direction is not CallDirection.INBOUND or record.answered is not None:
            raise SipEngineError("not_ringing", "Only a ringing incoming call can be answered.")
        param = pj.CallOpParam(True)
        param.statusCode = 200
        param.opt.audioCount = 1
        param.opt.videoCount = 0
        self._pj_call(record, "answer", param)

    def set_muted(self, handle: int, muted: bool) -> None:
        """Mute or unmute the agent's microphone on this call (done by the audio bridge)."""
        record = self._live(handle)
        record.muted = muted
        if record.bridge is not None:
            record.bridge.set_muted(muted)
        self.call_state_changed.emit(record.snapshot())

    def hold(self, handle: int) -> None:
        record = self._live(handle)
        if record.state is not CallState.ACTIVE or record.on_hold:
            return
        self._pj_call(record, "setHold", pj.CallOpParam(True))
        record.on_hold = True
        self.call_state_changed.emit(record.snapshot())

    def resume(self, handle: int) -> None:
        """Take the call off hold. Right after a hold (the lead did not answer) the hold's
        re-INVITE may still be out: the resume then goes as soon as it is answered."""
        record = self._live(handle)
        if not record.on_hold:
            return
        if not self._unhold(record):
            record.unhold_until = time.monotonic() + _UNHOLD_WAIT_S
        record.on_hold = False
        self.call_state_changed.emit(record.snapshot())

    def _unhold(self, record: CallAttemptRecord) -> bool:
        """Send the un-hold re-INVITE; False when another INVITE transaction is out."""
        assert record.call is not None
        param = pj.CallOpParam(True)
        param.opt.flag = pj.PJSUA_CALL_UNHOLD
        try:
            record.call.reinvite(param)
        except pj.Error:
            return False
        return True

    def _retry_unholds(self, now: float) -> None:
        for record in self._calls.values():
            if record.unhold_until is None or record.ended is not None or record.call is None:
                continue
            if self._unhold(record):
                record.unhold_until = None
            elif now >= record.unhold_until:
                record.unhold_until = None
                log.warning("call %d: the un-hold re-INVITE could not be sent", record.handle)

    def send_dtmf(self, handle: int, digits: str) -> None:
        """Send DTMF digits in the RTP stream (RFC 2833 telephone events)."""
        record = self._live(handle)
        if not re.fullmatch(r"[0-9*#A-Da-d]+", digits):
            raise SipEngineError("invalid_dtmf", f"{digits!r} are not DTMF digits.")
        param = pj.CallSendDtmfParam()
        param.digits = digits
        param.method = pj.PJSUA_DTMF_METHOD_RFC2833
        self._pj_call(record, "sendDtmf", param)

    def transfer(self, handle: int, target: str) -> None:
        """Blind transfer (REFER) of an answered call to a number, extension or URI.

        The call ends by itself when the transfer target accepts; progress comes
        as ``transfer_progress`` signals.
        """
        record = self._live(handle)
        if record.answered is None:
            raise SipEngineError("not_answered", "Only an answered call can be transferred.")
        try:
            resolved = self._resolve(target)
        except InvalidDialTarget as error:
            raise SipEngineError("invalid_number", error.message, target=target) from error
        record.local_detail = f"to {resolved.number}"
        self._pj_call(record, "xfer", resolved.uri, pj.CallOpParam(True))

    def transfer_attended(self, handle: int, consult_handle: int) -> None:
        """Attended transfer: the answered call ``handle`` is sent (REFER with
        Replaces) to whoever answered ``consult_handle``; the transferred party's
        phone calls them and takes the place of the consultation call.

        Progress comes as ``transfer_progress`` signals for ``handle``, which ends by
        itself when the transfer succeeds; the consultation call stays the caller's
        to end (a phone that honours Replaces ends it first).
        """
        record = self._live(handle)
        consult = self._live(consult_handle)
        if record.answered is None or consult.answered is None:
            raise SipEngineError(
                "not_answered", "Both calls must be answered to transfer one to the other."
            )
        record.local_detail = f"to {consult.number}"
        self._pj_call(record, "xferReplaces", consult.call, pj.CallOpParam(True))

    def _resolve(self, target: str) -> DialTarget:
        """The dialled text through the account's dial plan (direct dialling without one)."""
        settings = self._account_settings
        if settings is None:
            return DialPlan().target(target, "")
        return settings.dial_plan.target(target, settings.domain, settings.uri_params)

    def _pj_call(self, record: CallAttemptRecord, method: str, *args: Any) -> None:
        try:
            getattr(record.call, method)(*args)
        except pj.Error as error:
            raise SipEngineError(
                "sip_error", f"The phone could not do that: {error.reason}", handle=record.handle
            ) from error

    def _end(self, record: CallAttemptRecord, reason: LocalEnd, status_code: int = 0) -> None:
        record.note_local_end(reason)
        if record.hangup_requested or record.call is None:
            return
        record.hangup_requested = True
        param = pj.CallOpParam(True)
        if status_code:
            param.statusCode = status_code
        try:
            record.call.hangup(param)
        except pj.Error:
            # Already being torn down by the stack; its DISCONNECTED event follows.
            pass

    # ------------------------------------------------------------ event loop
    def _tick(self) -> None:
        if self._destroyed:
            return
        self._drop_finished()
        self._endpoint.libHandleEvents(0)
        self._adapter.deliver_pending()
        self._journal_pre_sip_failures()
        now = time.monotonic()
        self._retry_unholds(now)
        self._enforce_timers(now)
        self._check_registrar_silence(now)

    def _drop_finished(self) -> None:
        for record in self._finished:
            record.call = None
        self._finished.clear()

    def _journal_pre_sip_failures(self) -> None:
        while self._pre_sip_failures:
            record = self._pre_sip_failures.pop(0)
            self.call_journaled.emit(record.journal_entry(None))

    def _enforce_timers(self, now: float) -> None:
        for record in list(self._calls.values()):
            if record.ended is not None or record.hangup_requested:
                continue
            if record.answered is not None:
                if record.hangup_at is not None and now >= record.hangup_at:
                    self._end(record, LocalEnd.HANGUP_AFTER)
                continue
            if (
                record.direction is CallDirection.OUTBOUND
                and not record.had_provisional
                and record.setup_deadline is not None
                and now >= record.setup_deadline
            ):
                self._end(record, LocalEnd.SETUP_TIMEOUT)
            elif record.ring_deadline is not None and now >= record.ring_deadline:
                code = 480 if record.direction is CallDirection.INBOUND else 0
                self._end(record, LocalEnd.RING_TIMEOUT, status_code=code)

    # ------------------------------------------------------- event handlers
    def _on_call_state(self, event: CallStateEvent) -> None:
        record = self._calls.get(event.handle)
        if record is None:
            return
        info = event.info
        record.last_code = info.last_code
        record.last_reason = info.last_reason
        record.sip_call_id = info.sip_call_id or record.sip_call_id
        if info.state == pj.PJSIP_INV_STATE_EARLY:
            record.had_provisional = True
            if record.ringing is None:
                record.ringing = event.at
        elif info.state == pj.PJSIP_INV_STATE_CONFIRMED and record.answered is None:
            record.answered = event.at
            if record.hangup_after_s is not None:
                record.hangup_at = event.at.mono + record.hangup_after_s
        record.state = _STATE_BY_PJ.get(info.state, record.state)
        if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            record.ended = event.at
            self._finish(record, event)
            return
        self.call_state_changed.emit(record.snapshot())

    def _finish(self, record: CallAttemptRecord, event: CallStateEvent | None) -> None:
        self._stop_bridge(record)
        record.media_active = False
        entry = record.journal_entry(event.info if event else None)
        self._calls.pop(record.handle, None)
        self._finished.append(record)
        self.call_state_changed.emit(record.snapshot())
        self.call_journaled.emit(entry)

    def _on_call_media(self, event: CallMediaEvent) -> None:
        record = self._calls.get(event.handle)
        if record is None or record.ended is not None or record.call is None:
            return
        if event.audio_index is None:
            if record.media_active:
                record.media_active = False
                self._stop_bridge(record)
                self.call_state_changed.emit(record.snapshot())
            return
        was_active = record.media_active
        record.media_active = True
        if self._bridge_factory is not None:
            self._connect_bridge(record, event.audio_index)
        if not was_active:
            self.call_state_changed.emit(record.snapshot())

    def _connect_bridge(self, record: CallAttemptRecord, audio_index: int) -> None:
        """Give the call's audio to a bridge; a re-INVITE that rebuilt the stream
        (new conference port) gets a fresh bridge, since a bridge serves one port."""
        assert record.call is not None and self._bridge_factory is not None
        try:
            media = record.call.getAudioMedia(audio_index)
            port = media.getPortId()
        except pj.Error:
            return  # the call ended in the same batch of events
        if record.bridge is not None and record.bridge_port == port:
            return
        self._stop_bridge(record)
        bridge = self._bridge_factory()
        bridge.start(media)
        bridge.set_muted(record.muted)
        record.bridge = bridge
        record.bridge_port = port

    def _stop_bridge(self, record: CallAttemptRecord) -> None:
        if record.bridge is not None:
            bridge = record.bridge
            record.bridge = None
            record.bridge_port = None
            bridge.stop()

    def _check_registrar_silence(self, now: float) -> None:
        """Say "registrar not answering" long before pjsip's own timeout (timer B)."""
        since = self._register_pending_since
        if since is None or now - since < self._settings.registrar_answer_timeout_s:
            return
        self._register_pending_since = None  # once per REGISTER; pjsip keeps retrying
        self._set_registration(registrar_silent_state(now - since))

    def _on_registration_started(self, event: RegStartedEvent) -> None:
        if self._account_settings is None or not self._account_settings.register:
            return
        if event.renew and self._register_pending_since is None:
            self._register_pending_since = event.at.mono

    def _on_registration(self, event: RegStateEvent) -> None:
        if self._account_settings is None or not self._account_settings.register:
            return
        self._register_pending_since = None
        self._set_registration(
            registration_state_for(
                event.code, event.reason, event.expires_s, self._account_settings.user
            )
        )

    def _on_incoming_call(self, event: IncomingCallEvent) -> None:
        call = self._adapter.unadopted_calls.pop(event.handle, None)
        if call is None:
            return
        remote = event.info.remote_uri
        region = self._account_settings.dial_plan.region if self._account_settings else "MA"
        caller = caller_identity(remote, region)
        record = CallAttemptRecord(
            handle=event.handle,
            direction=CallDirection.INBOUND,
            number=caller.number,
            remote_uri=remote,
            started=event.at,
            call=call,
            state=CallState.INCOMING,
            ringing=event.at,
            had_provisional=True,
            sip_call_id=event.info.sip_call_id,
            ring_deadline=event.at.mono + self._settings.ring_timeout_s,
        )
        busy = any(other.ended is None for other in self._calls.values())
        self._calls[event.handle] = record
        if busy:
            # One call at a time: the caller hears busy, the agent finds the
            # attempt in the journal (a missed call) instead of a second pop-up.
            self._end(record, LocalEnd.BUSY_ON_ANOTHER_CALL, status_code=486)
            return
        self.incoming_call.emit(
            IncomingCall(event.handle, caller.number, remote, caller.display_name)
        )
        self.call_state_changed.emit(record.snapshot())

    def _on_transfer_status(self, event: TransferStatusEvent) -> None:
        record = self._calls.get(event.handle)
        if record is None:
            return
        self.transfer_progress.emit(
            TransferProgress(event.handle, event.code, event.reason, event.final)
        )
        if event.final and 200 <= event.code < 300:
            self._end(record, LocalEnd.TRANSFERRED)

    def _on_dtmf(self, event: DtmfEvent) -> None:
        if event.handle in self._calls:
            self.dtmf_received.emit(DtmfDigit(event.handle, event.digit))

    # -------------------------------------------------------------- shutdown
    def pump(self, seconds: float) -> None:
        """Drive the stack for a while without a Qt event loop (CLI, shutdown)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not self._destroyed:
            self._tick()
            time.sleep(self._settings.tick_ms / 1000.0)

    def shutdown(self) -> None:
        """Hang up, wait (bounded) for every call to end, drop accounts, destroy pjsua2.

        The order follows pjproject's advice (issues #4353, #3856, #2117): no
        pjsua2 Call or Account may outlive ``libDestroy``.
        """
        if self._destroyed:
            return
        self._timer.stop()
        for record in list(self._calls.values()):
            self._end(record, LocalEnd.AGENT_HANGUP)
        deadline = time.monotonic() + self._settings.shutdown_timeout_s
        while self._calls and time.monotonic() < deadline:
            self._endpoint.libHandleEvents(10)
            self._adapter.deliver_pending()
        for record in list(self._calls.values()):
            # The stack never confirmed the end: journal it anyway, once.
            record.ended = EventTime.now()
            self._finish(record, None)
        self._journal_pre_sip_failures()
        self._drop_finished()
        self._adapter.unadopted_calls.clear()
        was_registered = self._registration.status is RegistrationStatus.REGISTERED
        self.remove_account()
        self._local_account.shutdown()
        del self._local_account
        if was_registered:
            # Let the un-REGISTER go out and its answer come back (bounded).
            deadline = time.monotonic() + min(0.5, self._settings.shutdown_timeout_s)
            while time.monotonic() < deadline:
                self._endpoint.libHandleEvents(10)
        gc.collect()
        # Calls and accounts are already gone: skip pjsua's fixed 1 s network wait.
        self._endpoint.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
        self._destroyed = True
        # pjsua2's Endpoint is a singleton: the next engine in this process can
        # only be created once this Python object is gone.
        del self._endpoint
        gc.collect()
