"""Book-keeping of one live call: times, timers, flags, and its journal entry."""

from __future__ import annotations

from dataclasses import dataclass

from core.attempt_policy import Channel
from telephony.call_audio_protocol import CallAudioBridgeProtocol
from telephony.call_journal_entry import CallDirection, CallJournalEntry
from telephony.call_outcome_classifier import (
    CallFacts,
    LocalEnd,
    PreSipFailure,
    classify_call,
)
from telephony.sip_event_adapter import AdapterCall, CallInfoCopy, EventTime
from telephony.sip_events import CallSnapshot, CallState


@dataclass
class CallAttemptRecord:
    """Everything the engine tracks about one call until it is journaled."""

    handle: int
    direction: CallDirection
    number: str
    remote_uri: str
    started: EventTime
    call: AdapterCall | None = None
    state: CallState = CallState.CALLING
    ringing: EventTime | None = None
    answered: EventTime | None = None
    ended: EventTime | None = None
    sip_call_id: str = ""
    last_code: int = 0
    last_reason: str = ""
    had_provisional: bool = False
    local_end: LocalEnd = LocalEnd.NONE
    local_detail: str = ""
    pre_sip_failure: PreSipFailure | None = None
    setup_deadline: float | None = None
    ring_deadline: float | None = None
    hangup_after_s: float | None = None
    hangup_at: float | None = None
    muted: bool = False
    on_hold: bool = False
    media_active: bool = False
    bridge: CallAudioBridgeProtocol | None = None
    bridge_port: int | None = None  # conference port the bridge is wired to
    hangup_requested: bool = False
    # Monotonic deadline of a resume waiting for the hold's re-INVITE to finish
    # (pjsip allows one INVITE transaction at a time); None: nothing waits.
    unhold_until: float | None = None

    def note_local_end(self, reason: LocalEnd, detail: str = "") -> None:
        """Remember why we end the call; the first reason given wins."""
        if self.local_end is LocalEnd.NONE:
            self.local_end = reason
            self.local_detail = detail or self.local_detail

    def snapshot(self) -> CallSnapshot:
        return CallSnapshot(
            handle=self.handle,
            direction=self.direction,
            number=self.number,
            remote_uri=self.remote_uri,
            state=self.state,
            sip_code=self.last_code,
            sip_reason=self.last_reason,
            media_active=self.media_active,
            muted=self.muted,
            on_hold=self.on_hold,
        )

    def journal_entry(self, final: CallInfoCopy | None) -> CallJournalEntry:
        """The journal entry of the finished attempt.

        ``final`` is the call info copied in the DISCONNECTED callback: its
        connect duration is pjsua's own measure of the talk time.
        """
        ended = self.ended or self.started
        if final is not None:
            self.last_code = final.last_code
            self.last_reason = final.last_reason
            self.sip_call_id = final.sip_call_id or self.sip_call_id
        verdict = classify_call(
            CallFacts(
                outbound=self.direction is CallDirection.OUTBOUND,
                answered=self.answered is not None,
                sip_code=self.last_code,
                sip_reason=self.last_reason,
                had_provisional=self.had_provisional,
                local_end=self.local_end,
                pre_sip_failure=self.pre_sip_failure,
                detail=self.local_detail,
            )
        )
        ring_seconds = 0.0
        if self.ringing is not None:
            ring_end = self.answered or ended
            ring_seconds = max(0.0, ring_end.mono - self.ringing.mono)
        talk_seconds = 0.0
        if self.answered is not None:
            talk_seconds = (
                final.connect_s if final is not None else max(0.0, ended.mono - self.answered.mono)
            )
        return CallJournalEntry(
            channel=Channel.CALL,
            direction=self.direction,
            number=self.number,
            remote_uri=self.remote_uri,
            started=self.started.utc,
            ringing=self.ringing.utc if self.ringing else None,
            answered=self.answered.utc if self.answered else None,
            ended=ended.utc,
            ring_seconds=ring_seconds,
            talk_seconds=talk_seconds,
            sip_code=self.last_code,
            sip_reason=self.last_reason,
            outcome=verdict.outcome,
            reason_code=verdict.reason_code,
            message=verdict.message,
            sip_call_id=self.sip_call_id,
            call_handle=self.handle,
        )
