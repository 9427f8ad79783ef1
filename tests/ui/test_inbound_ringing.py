"""An inbound call rings on the ringer device the agent chose (the speakers, not
the headset) and stops ringing when the agent answers or declines, or when the
caller gives up: the real window, pjsua2, SIPp calling in, a private PulseAudio."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from telephony.sip_account_settings import SipTransport
from tests.fixtures.pulse_audio import (
    HEADSET_SINK,
    SPARE_SINK,
    PulseAudioServer,
    Recording,
)
from tests.fixtures.server_process import RunningServer
from tests.fixtures.sip_peers import SippLauncher
from tests.ui.real_desks import Desk, open_desk

pytestmark = [pytest.mark.slow, pytest.mark.sip, pytest.mark.audio]

RING_HZ = (430, 490)  # the 440 + 480 Hz ring of resources/sounds/ringtone.wav


@pytest.fixture
def desk(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, pulse_audio: PulseAudioServer
) -> Iterator[Desk]:
    opened = open_desk(qtbot, tmp_path, shop_server, None, audio=True)
    audio = opened.running.audio
    assert audio is not None
    audio.choose("playback", HEADSET_SINK)
    audio.choose("ringer", SPARE_SINK)
    yield opened
    opened.window.close()
    opened.running.shutdown()


def _address(desk: Desk) -> str:
    engine = desk.running.engine
    assert engine is not None
    return f"127.0.0.1:{engine.transport_port(SipTransport.UDP)}"


def _quiet_tail(recording: Recording, seconds: float = 0.25) -> float:
    tail = recording.samples[-int(seconds * recording.rate) :]
    return float(np.sqrt((tail**2).mean()))


def _assert_rang_then_stopped(speakers: Recording, headset: Recording) -> None:
    ring = speakers.loudest(0.3)
    assert ring.rms() > 0.05, "the ringer device rang"
    assert RING_HZ[0] <= ring.dominant_frequency() <= RING_HZ[1]
    assert headset.rms() < 0.005, "the headset stayed silent"
    assert _quiet_tail(speakers) < 0.005, "the ringing stopped"


def test_a_caller_who_gives_up_stops_the_ringing_and_the_popup(
    qtbot: QtBot, desk: Desk, sipp: SippLauncher, pulse_audio: PulseAudioServer,
    tmp_path: Path,
) -> None:
    popup = desk.window.inbound
    speakers = pulse_audio.start_recording(SPARE_SINK, tmp_path / "speakers.raw")
    headset = pulse_audio.start_recording(HEADSET_SINK, tmp_path / "headset.raw")
    caller = sipp.start(
        "uac_customer_calls_in_then_gives_up",
        {"CALLER": "0661000333", "RING_MS": 2000},
        remote=_address(desk),
    )
    qtbot.waitUntil(popup.isVisible, timeout=8_000)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=8_000)
    qtbot.wait(600)
    _assert_rang_then_stopped(speakers.finish(), headset.finish())
    assert caller.wait(10) == 0, caller.errors()


def test_answering_stops_the_ringing(
    qtbot: QtBot, desk: Desk, sipp: SippLauncher, pulse_audio: PulseAudioServer,
    tmp_path: Path,
) -> None:
    popup = desk.window.inbound
    speakers = pulse_audio.start_recording(SPARE_SINK, tmp_path / "speakers.raw")
    caller = sipp.start(
        "uac_customer_calls_in", {"CALLER": "0661000444", "TALK_MS": 2500},
        remote=_address(desk),
    )
    qtbot.waitUntil(popup.isVisible, timeout=8_000)
    qtbot.wait(1200)
    popup.answer.click()
    phone = desk.running.services.softphone
    assert phone is not None
    qtbot.waitUntil(lambda: phone.call is not None, timeout=5_000)
    qtbot.wait(600)
    heard = speakers.finish()
    assert heard.loudest(0.3).rms() > 0.05
    assert _quiet_tail(heard) < 0.005
    # The customer hangs up after talking; the event loop must run meanwhile (pjsua2).
    qtbot.waitUntil(lambda: phone.call is None, timeout=10_000)
    assert caller.wait(10) == 0, caller.errors()


def test_declining_stops_the_ringing(
    qtbot: QtBot, desk: Desk, sipp: SippLauncher, pulse_audio: PulseAudioServer,
    tmp_path: Path,
) -> None:
    popup = desk.window.inbound
    speakers = pulse_audio.start_recording(SPARE_SINK, tmp_path / "speakers.raw")
    caller = sipp.start(
        "uac_customer_calls_in_declined", {"CALLER": "+212661000555"}, remote=_address(desk)
    )
    qtbot.waitUntil(popup.isVisible, timeout=8_000)
    qtbot.wait(1200)
    popup.decline.click()
    qtbot.wait(600)
    heard = speakers.finish()
    assert heard.loudest(0.3).rms() > 0.05
    assert _quiet_tail(heard) < 0.005
    assert caller.wait(10) == 0, caller.errors()
