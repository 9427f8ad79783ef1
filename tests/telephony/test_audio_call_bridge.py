"""End to end through a real sound server: headset mic -> Qt -> bridge -> pjsua2 -> RTP ->
SIPp's echo -> pjsua2 -> bridge -> Qt -> headset earpiece, recorded from the sink monitor."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from telephony.audio.call_audio_bridge import CallAudioBridge
from telephony.audio.device_choice import AudioDeviceSelection, DeviceChoice, DeviceRole
from telephony.audio.device_manager import AudioDeviceManager
from telephony.sip_engine import SipEngine
from tests.fixtures.pulse_audio import (
    HEADSET_DESCRIPTION,
    HEADSET_SINK,
    MIC_DESCRIPTION,
    MIC_FEED_SINK,
    MIC_SOURCE,
    SPARE_SINK,
    PulseAudioServer,
    Recording,
    sine_pcm,
)
from tests.fixtures.sip_peers import SippLauncher
from tests.telephony.conftest import loopback_engine_settings

pytestmark = [pytest.mark.audio, pytest.mark.sip, pytest.mark.slow]

TONE_HZ = 440.0
# What comes back of a 0.5-amplitude tone after two codec passes must stay loud.
MIN_TONE_RMS = 0.05
SILENCE_RMS = 0.005


@pytest.fixture
def headset(qapp: QCoreApplication, pulse_audio: PulseAudioServer) -> AudioDeviceManager:
    """The agent chose the virtual headset (mic and earpiece) explicitly."""
    return AudioDeviceManager(
        AudioDeviceSelection(
            capture=DeviceChoice(MIC_SOURCE, MIC_DESCRIPTION),
            playback=DeviceChoice(HEADSET_SINK, HEADSET_DESCRIPTION),
        )
    )


@pytest.fixture
def bridges() -> list[CallAudioBridge]:
    return []


@pytest.fixture
def audio_engine(
    qapp: QCoreApplication, headset: AudioDeviceManager, bridges: list[CallAudioBridge]
) -> Iterator[SipEngine]:
    def make_bridge() -> CallAudioBridge:
        bridge = CallAudioBridge(headset)
        bridges.append(bridge)
        return bridge

    engine = SipEngine(loopback_engine_settings(), audio_bridge_factory=make_bridge)
    yield engine
    engine.shutdown()


def start_echo_call(
    engine: SipEngine, sipp: SippLauncher, bridges: list[CallAudioBridge], qtbot: QtBot
) -> tuple[int, CallAudioBridge]:
    peer = sipp.start("uas_answer_agent_hangup", {"RING_MS": 0}, rtp_echo=True)
    handle = engine.dial(peer.uri())
    qtbot.waitUntil(lambda: bool(bridges) and bridges[-1].is_running(), timeout=5000)
    return handle, bridges[-1]


def record_while(
    pulse: PulseAudioServer, sink: str, path: Path, qtbot: QtBot, seconds: float
) -> Recording:
    recording = pulse.start_recording(sink, path)
    qtbot.wait(int(seconds * 1000))
    return recording.finish()


def test_tone_into_the_headset_mic_comes_back_to_the_earpiece_through_the_call(
    audio_engine: SipEngine,
    sipp: SippLauncher,
    bridges: list[CallAudioBridge],
    pulse_audio: PulseAudioServer,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    handle, bridge = start_echo_call(audio_engine, sipp, bridges, qtbot)
    player = pulse_audio.play_into(MIC_FEED_SINK, sine_pcm(TONE_HZ, 6.0))
    try:
        # Muted: the far end (the echo) gets silence, so the earpiece stays silent.
        audio_engine.set_muted(handle, True)
        qtbot.wait(800)  # let the tone reach the mic and any pre-mute audio drain
        muted = record_while(pulse_audio, HEADSET_SINK, tmp_path / "muted.raw", qtbot, 1.2)
        audio_engine.set_muted(handle, False)
        heard = record_while(pulse_audio, HEADSET_SINK, tmp_path / "heard.raw", qtbot, 2.5)
    finally:
        player.kill()
        player.wait(timeout=5)

    assert muted.rms() < SILENCE_RMS, f"muted call still sent audio (rms {muted.rms():.4f})"
    tone = heard.loudest(1.0)
    assert tone.rms() > MIN_TONE_RMS, f"tone too weak after the round trip: {tone.rms():.4f}"
    assert tone.dominant_frequency() == pytest.approx(TONE_HZ, abs=2.0)
    stats = bridge.stats()
    assert stats.callback_errors == 0
    assert stats.frames_sent > 100 and stats.frames_received > 100

    audio_engine.hangup(handle)
    qtbot.waitUntil(lambda: not bridge.is_running(), timeout=5000)


def test_unplugged_headset_mid_call_raises_headset_lost_and_the_call_goes_on(
    audio_engine: SipEngine,
    headset: AudioDeviceManager,
    sipp: SippLauncher,
    bridges: list[CallAudioBridge],
    pulse_audio: PulseAudioServer,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    # The headset is the system's default output, as when the OS switches to a
    # freshly plugged headset. (Qt 6.10's PulseAudio backend does not signal the
    # removal of a device that is not the default one; see telephony/audio docs.)
    handle, bridge = start_echo_call(audio_engine, sipp, bridges, qtbot)
    player = pulse_audio.play_into(MIC_FEED_SINK, sine_pcm(TONE_HZ, 8.0))
    try:
        qtbot.wait(500)
        with qtbot.waitSignal(headset.headsetLost, timeout=5000) as lost:
            pulse_audio.unload_sink(HEADSET_SINK)
        assert lost.args == ["playback", HEADSET_DESCRIPTION]
        frames_at_loss = bridge.stats().frames_received

        # The agent picks the speakers mid-call: the far end's audio moves there.
        headset.choose(DeviceRole.PLAYBACK, SPARE_SINK)
        qtbot.wait(300)
        on_speakers = record_while(pulse_audio, SPARE_SINK, tmp_path / "spare.raw", qtbot, 2.0)

        assert bridge.is_running()
        assert bridge.stats().frames_received > frames_at_loss + 50  # ~2.3 s of 20 ms frames
        assert [call.handle for call in audio_engine.calls()] == [handle]
        tone = on_speakers.loudest(1.0)
        assert tone.rms() > MIN_TONE_RMS
        assert tone.dominant_frequency() == pytest.approx(TONE_HZ, abs=2.0)
    finally:
        player.kill()
        player.wait(timeout=5)
        pulse_audio.load_sink(HEADSET_SINK, HEADSET_DESCRIPTION)
        pulse_audio.pactl("set-default-sink", HEADSET_SINK)
    audio_engine.hangup(handle)
    qtbot.waitUntil(lambda: not bridge.is_running(), timeout=5000)


def native_threads() -> int:
    return len(os.listdir("/proc/self/task"))


def test_short_calls_in_a_row_leave_no_audio_threads_and_never_hang(
    audio_engine: SipEngine,
    sipp: SippLauncher,
    bridges: list[CallAudioBridge],
    pulse_audio: PulseAudioServer,
    qtbot: QtBot,
) -> None:
    # Hang-ups land while frames are flowing: stopping the port must not deadlock
    # with pjmedia's clock thread, and each call's Qt audio thread must end.
    player = pulse_audio.play_into(MIC_FEED_SINK, sine_pcm(TONE_HZ, 20.0))
    try:
        handle, bridge = start_echo_call(audio_engine, sipp, bridges, qtbot)
        audio_engine.hangup(handle)
        qtbot.waitUntil(lambda: not bridge.is_running(), timeout=5000)
        qtbot.wait(200)
        baseline = native_threads()
        for _ in range(8):
            handle, bridge = start_echo_call(audio_engine, sipp, bridges, qtbot)
            qtbot.waitUntil(lambda b=bridge: b.stats().frames_received > 5, timeout=5000)
            audio_engine.hangup(handle)
            qtbot.waitUntil(lambda b=bridge: not b.is_running(), timeout=5000)
        qtbot.wait(200)
        assert native_threads() <= baseline
        assert all(b.stats().callback_errors == 0 for b in bridges)
    finally:
        player.kill()
        player.wait(timeout=5)
