"""Mid-call controls: mute (through the audio bridge), hold / resume, RFC 2833 DTMF,
blind transfer. SIPp echoes RTP back, so DTMF sent is DTMF received."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from core.attempt_policy import CallOutcome
from telephony.call_audio_protocol import CallAudioBridgeProtocol
from telephony.sip_engine import SipEngine, SipEngineError
from tests.fixtures.sip_peers import SippLauncher
from tests.telephony.conftest import loopback_engine_settings
from tests.telephony.sip_test_harness import EngineRecorder

pytestmark = [pytest.mark.sip]


@dataclass
class RecordingBridge:
    """An audio bridge that only records what the engine asks of it.

    The real bridge (telephony/audio) is tested by its owner; here we check the
    engine's side of the contract with a real ``pjsua2.AudioMedia``.
    """

    log: list[tuple[str, Any]]
    media_port: int | None = None

    def start(self, call_audio_media: Any) -> None:
        self.media_port = call_audio_media.getPortId()
        self.log.append(("start", self.media_port))

    def stop(self) -> None:
        self.log.append(("stop", None))

    def set_muted(self, muted: bool) -> None:
        self.log.append(("muted", muted))


@dataclass
class BridgeFactory:
    log: list[tuple[str, Any]] = field(default_factory=list)
    made: list[RecordingBridge] = field(default_factory=list)

    def __call__(self) -> CallAudioBridgeProtocol:
        bridge = RecordingBridge(self.log)
        self.made.append(bridge)
        return bridge


@pytest.fixture
def bridged(qapp: QCoreApplication) -> Iterator[tuple[EngineRecorder, BridgeFactory]]:
    factory = BridgeFactory()
    engine = SipEngine(loopback_engine_settings(), audio_bridge_factory=factory)
    yield EngineRecorder(engine), factory
    engine.shutdown()


def test_mute_hold_resume_and_dtmf_on_an_answered_call(
    sipp: SippLauncher, bridged: tuple[EngineRecorder, BridgeFactory], qtbot: QtBot
) -> None:
    recorder, factory = bridged
    engine = recorder.engine
    digits: list[str] = []
    engine.dtmf_received.connect(lambda d: digits.append(d.digit))
    peer = sipp.start("uas_answer_hold_resume", {"RING_MS": 100}, rtp_echo=True)
    handle = engine.dial(peer.uri())
    recorder.wait_state(qtbot, handle, "active")
    qtbot.waitUntil(lambda: bool(factory.made), timeout=3000)
    assert factory.log[0][0] == "start" and factory.log[0][1] > 0  # a real conference port

    engine.set_muted(handle, True)
    assert factory.log[-1] == ("muted", True)
    assert engine.calls()[0].muted

    engine.send_dtmf(handle, "5#")
    qtbot.waitUntil(lambda: digits == ["5", "#"], timeout=3000)

    engine.hold(handle)
    qtbot.waitUntil(lambda: factory.log[-1] == ("stop", None), timeout=3000)
    assert engine.calls()[0].on_hold
    engine.resume(handle)
    qtbot.waitUntil(lambda: len(factory.made) == 2, timeout=3000)
    # The new bridge gets the mute state the agent chose before the hold.
    assert factory.log[-2:] == [("start", factory.made[1].media_port), ("muted", True)]

    engine.hangup(handle)
    entry = recorder.wait_journal(qtbot, handle)
    assert entry.outcome is CallOutcome.ANSWERED
    assert factory.log[-1] == ("stop", None)
    assert peer.wait() == 0, peer.errors()
    with pytest.raises(SipEngineError) as error:
        engine.send_dtmf(handle, "1")
    assert error.value.code == "no_such_call"


def test_blind_transfer_to_a_team_lead_extension(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    peer = sipp.start("uas_blind_transfer", {"TARGET": "201"})
    handle = recorder.engine.dial(peer.uri())
    recorder.wait_state(qtbot, handle, "active")
    recorder.engine.transfer(handle, f"sip:201@{peer.address}")
    entry = recorder.wait_journal(qtbot, handle)
    assert entry.outcome is CallOutcome.ANSWERED
    assert entry.reason_code == "transferred"
    assert "201" in entry.message
    assert peer.wait() == 0, peer.errors()


def test_a_resume_right_after_a_hold_waits_for_the_hold_and_is_not_lost(
    sipp: SippLauncher, bridged: tuple[EngineRecorder, BridgeFactory], qtbot: QtBot
) -> None:
    # A lead who is busy at once sends the agent back while the hold's re-INVITE is
    # still out; pjsip allows one INVITE transaction at a time.
    recorder, factory = bridged
    engine = recorder.engine
    peer = sipp.start("uas_answer_hold_resume", {"RING_MS": 100}, rtp_echo=True)
    handle = engine.dial(peer.uri())
    recorder.wait_state(qtbot, handle, "active")
    qtbot.waitUntil(lambda: bool(factory.made), timeout=3000)

    engine.hold(handle)
    engine.resume(handle)
    assert not engine.calls()[0].on_hold
    # The customer heard both re-INVITEs: audio flows again through a new bridge.
    qtbot.waitUntil(lambda: len(factory.made) == 2, timeout=5000)
    engine.hangup(handle)
    recorder.wait_journal(qtbot, handle)
    assert peer.wait() == 0, peer.errors()
