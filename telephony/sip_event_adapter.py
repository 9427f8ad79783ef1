"""The one place where pjsua2 calls into Python.

pjsua2 callbacks run inside ``libHandleEvents`` on the engine's thread (the
endpoint has ``threadCnt = 0`` and ``mainThreadOnly = True``). Each callback
copies what it needs out of ``getInfo()`` into a plain dataclass stamped with
the time it ran, and queues it. The engine delivers the queue as Qt signals
right after ``libHandleEvents`` returns, so no slot ever runs inside pjsip
(slots may then dial or hang up without re-entering the stack).
"""

from __future__ import annotations

import itertools
import time
import weakref
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime

import pjsua2 as pj
from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class EventTime:
    """When a callback ran: monotonic seconds for durations, UTC for the journal."""

    mono: float
    utc: datetime

    @staticmethod
    def now() -> EventTime:
        return EventTime(time.monotonic(), datetime.now(UTC))


@dataclass(frozen=True)
class CallInfoCopy:
    """The fields of ``pj.CallInfo`` the engine uses."""

    pj_call_id: int
    sip_call_id: str
    state: int
    state_text: str
    last_code: int
    last_reason: str
    remote_uri: str
    connect_s: float
    total_s: float

    @staticmethod
    def of(info: pj.CallInfo) -> CallInfoCopy:
        return CallInfoCopy(
            pj_call_id=info.id,
            sip_call_id=info.callIdString,
            state=info.state,
            state_text=info.stateText,
            last_code=int(info.lastStatusCode),
            last_reason=info.lastReason,
            remote_uri=info.remoteUri,
            connect_s=info.connectDuration.sec + info.connectDuration.msec / 1000.0,
            total_s=info.totalDuration.sec + info.totalDuration.msec / 1000.0,
        )


@dataclass(frozen=True)
class CallStateEvent:
    handle: int
    info: CallInfoCopy
    at: EventTime


@dataclass(frozen=True)
class CallMediaEvent:
    handle: int
    audio_index: int | None  # index of the active audio media, None when none is active
    at: EventTime


@dataclass(frozen=True)
class RegStateEvent:
    code: int
    reason: str
    active: bool
    expires_s: int
    at: EventTime


@dataclass(frozen=True)
class RegStartedEvent:
    """pjsip is about to send a REGISTER (``renew``) or an un-REGISTER."""

    renew: bool
    at: EventTime


@dataclass(frozen=True)
class IncomingCallEvent:
    handle: int
    info: CallInfoCopy
    at: EventTime


@dataclass(frozen=True)
class TransferStatusEvent:
    handle: int
    code: int
    reason: str
    final: bool
    at: EventTime


@dataclass(frozen=True)
class DtmfEvent:
    handle: int
    digit: str
    at: EventTime


class SipEventAdapter(QObject):
    """Queues pjsua2 callbacks as plain events and delivers them as signals."""

    call_state = Signal(object)  # CallStateEvent
    call_media = Signal(object)  # CallMediaEvent
    registration = Signal(object)  # RegStateEvent
    registration_started = Signal(object)  # RegStartedEvent
    incoming_call = Signal(object)  # IncomingCallEvent, after the call is registered
    transfer_status = Signal(object)  # TransferStatusEvent
    dtmf = Signal(object)  # DtmfEvent

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: deque[object] = deque()
        self._handles = itertools.count(1)
        # Incoming calls get their Call object inside the callback (pjsua2 needs it
        # then); the engine adopts them from here when the event is delivered.
        self.unadopted_calls: dict[int, AdapterCall] = {}
        # Every AdapterCall alive in Python, to prove calls are released.
        self.live_call_objects: weakref.WeakSet[AdapterCall] = weakref.WeakSet()

    def next_handle(self) -> int:
        return next(self._handles)

    def post(self, event: object) -> None:
        self._pending.append(event)

    def deliver_pending(self) -> None:
        """Emit every queued event, oldest first. Called after libHandleEvents."""
        while self._pending:
            event = self._pending.popleft()
            if isinstance(event, CallStateEvent):
                self.call_state.emit(event)
            elif isinstance(event, CallMediaEvent):
                self.call_media.emit(event)
            elif isinstance(event, RegStateEvent):
                self.registration.emit(event)
            elif isinstance(event, RegStartedEvent):
                self.registration_started.emit(event)
            elif isinstance(event, IncomingCallEvent):
                self.incoming_call.emit(event)
            elif isinstance(event, TransferStatusEvent):
                self.transfer_status.emit(event)
            elif isinstance(event, DtmfEvent):
                self.dtmf.emit(event)


class AdapterCall(pj.Call):
    """A pjsua2 call whose callbacks only copy data into the adapter's queue."""

    def __init__(
        self, adapter: SipEventAdapter, account: pj.Account, pj_call_id: int, handle: int
    ) -> None:
        super().__init__(account, pj_call_id)
        self.adapter = adapter
        self.handle = handle
        adapter.live_call_objects.add(self)

    def onCallState(self, prm: pj.OnCallStateParam) -> None:
        info = CallInfoCopy.of(self.getInfo())
        self.adapter.post(CallStateEvent(self.handle, info, EventTime.now()))

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
        info = self.getInfo()
        audio_index: int | None = None
        for media in info.media:
            if (
                media.type == pj.PJMEDIA_TYPE_AUDIO
                and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE
            ):
                audio_index = media.index
                break
        self.adapter.post(CallMediaEvent(self.handle, audio_index, EventTime.now()))

    def onCallTransferStatus(self, prm: pj.OnCallTransferStatusParam) -> None:
        self.adapter.post(
            TransferStatusEvent(
                self.handle, int(prm.statusCode), prm.reason, bool(prm.finalNotify), EventTime.now()
            )
        )

    def onDtmfDigit(self, prm: pj.OnDtmfDigitParam) -> None:
        self.adapter.post(DtmfEvent(self.handle, prm.digit, EventTime.now()))


class AdapterAccount(pj.Account):
    """A pjsua2 account that reports registration and incoming calls."""

    def __init__(self, adapter: SipEventAdapter) -> None:
        super().__init__()
        self.adapter = adapter

    def onRegState(self, prm: pj.OnRegStateParam) -> None:
        info = self.getInfo()
        self.adapter.post(
            RegStateEvent(
                code=int(prm.code),
                reason=prm.reason,
                active=bool(info.regIsActive),
                expires_s=int(prm.expiration),
                at=EventTime.now(),
            )
        )

    def onRegStarted(self, prm: pj.OnRegStartedParam) -> None:
        self.adapter.post(RegStartedEvent(bool(prm.renew), EventTime.now()))

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
        call = AdapterCall(self.adapter, self, prm.callId, self.adapter.next_handle())
        at = EventTime.now()
        self.adapter.unadopted_calls[call.handle] = call
        # Queue the incoming event before answering 180, whose state change is
        # reported synchronously and must reach the engine after it.
        self.adapter.post(IncomingCallEvent(call.handle, CallInfoCopy.of(call.getInfo()), at))
        ringing = pj.CallOpParam()
        ringing.statusCode = 180
        call.answer(ringing)
