"""Helpers for driving the SIP engine from tests through the Qt event loop."""

from __future__ import annotations

from dataclasses import dataclass, field

from pytestqt.qtbot import QtBot

from telephony.call_journal_entry import CallJournalEntry
from telephony.sip_engine import SipEngine
from telephony.sip_events import CallSnapshot, IncomingCall, RegistrationState

# Tolerance of the ring / talk durations asserted against SIPp's pauses.
TIMING_TOLERANCE_S = 0.3


@dataclass
class EngineRecorder:
    """Collects everything the engine signals, keyed by call handle."""

    engine: SipEngine
    journal: dict[int, list[CallJournalEntry]] = field(default_factory=dict)
    states: dict[int, list[CallSnapshot]] = field(default_factory=dict)
    incoming: list[IncomingCall] = field(default_factory=list)
    registrations: list[RegistrationState] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.engine.call_journaled.connect(
            lambda entry: self.journal.setdefault(entry.call_handle, []).append(entry)
        )
        self.engine.call_state_changed.connect(
            lambda snap: self.states.setdefault(snap.handle, []).append(snap)
        )
        self.engine.incoming_call.connect(self.incoming.append)
        self.engine.registration_changed.connect(self.registrations.append)

    def wait_journal(self, qtbot: QtBot, handle: int, timeout_s: float = 10.0) -> CallJournalEntry:
        qtbot.waitUntil(lambda: handle in self.journal, timeout=int(timeout_s * 1000))
        return self.journal[handle][0]

    def wait_state(self, qtbot: QtBot, handle: int, state: str, timeout_s: float = 10.0) -> None:
        qtbot.waitUntil(
            lambda: any(s.state == state for s in self.states.get(handle, [])),
            timeout=int(timeout_s * 1000),
        )

    def wait_registration(
        self, qtbot: QtBot, statuses: set[str], timeout_s: float = 10.0
    ) -> RegistrationState:
        qtbot.waitUntil(
            lambda: self.engine.registration.status in statuses, timeout=int(timeout_s * 1000)
        )
        return self.engine.registration


def call_and_wait(
    recorder: EngineRecorder, qtbot: QtBot, target: str, timeout_s: float = 10.0, **options: float
) -> CallJournalEntry:
    """Dial and wait for the attempt's journal entry."""
    handle = recorder.engine.dial(target, **options)
    return recorder.wait_journal(qtbot, handle, timeout_s)
