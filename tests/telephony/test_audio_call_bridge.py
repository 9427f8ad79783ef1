"""End to end through a real sound server: headset mic -> Qt -> bridge -> pjsua2 -> RTP ->
SIPp's echo -> pjsua2 -> bridge -> Qt -> headset earpiece, recorded from the sink monitor."""

from __future__ import annotations

import gc
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from core.attempt_policy import CallOutcome
from telephony.audio import call_audio_bridge
from telephony.audio.bridge_port import BridgeMediaPort
from telephony.audio.call_audio_bridge import CallAudioBridge
from telephony.audio.device_choice import AudioDeviceSelection, DeviceChoice, DeviceRole
from telephony.audio.device_manager import AudioDeviceManager
from telephony.call_journal_entry import CallJournalEntry
from telephony.sip_engine import SipEngine
from tests.fixtures.pulse_audio import (
    HEADSET_DESCRIPTION,
    HEADSET_SINK,
    MIC_DESCRIPTION,
    MIC_FEED_SINK,
    MIC_SOURCE,
    SPARE_DESCRIPTION,
    SPARE_SINK,
    USB_MIC_DESCRIPTION,
    USB_MIC_SOURCE,
    PulseAudioServer,
    Recording,
    sine_pcm,
)
from tests.fixtures.sip_peers import SippLauncher
from tests.telephony.conftest import loopback_engine_settings

pytestmark = [pytest.mark.audio, pytest.mark.sip, pytest.mark.slow]

# Calls of the hang-up race: about 20 s, half of them hung up by each side.
STRESS_CALLS = 100

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


@pytest.mark.parametrize("mic_path", ["pipe", "ring"])
def test_tone_into_the_headset_mic_comes_back_to_the_earpiece_through_the_call(
    mic_path: str,
    monkeypatch: pytest.MonkeyPatch,
    audio_engine: SipEngine,
    sipp: SippLauncher,
    bridges: list[CallAudioBridge],
    pulse_audio: PulseAudioServer,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    if mic_path == "ring":  # what a platform without pipe2 (Windows) uses
        monkeypatch.setattr(call_audio_bridge, "mic_pipe_supported", lambda: False)
    handle, bridge = start_echo_call(audio_engine, sipp, bridges, qtbot)
    assert bridge.mic_transport == mic_path
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


def test_unplugging_chosen_devices_that_are_not_the_default_mid_call_is_noticed(
    qapp: QCoreApplication,
    sipp: SippLauncher,
    bridges: list[CallAudioBridge],
    pulse_audio: PulseAudioServer,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    # A USB microphone and the speakers, neither the system default: Qt 6.10 neither
    # signals nor unlists their removal, and PulseAudio moves the streams silently.
    pulse_audio.plug_source(USB_MIC_SOURCE, USB_MIC_DESCRIPTION)
    devices = AudioDeviceManager()
    qtbot.waitUntil(lambda: any(d.id == USB_MIC_SOURCE for d in devices.inputs()), timeout=5000)
    devices.set_selection(
        AudioDeviceSelection(
            capture=DeviceChoice(USB_MIC_SOURCE, USB_MIC_DESCRIPTION),
            playback=DeviceChoice(SPARE_SINK, SPARE_DESCRIPTION),
        )
    )

    def make_bridge() -> CallAudioBridge:
        bridge = CallAudioBridge(devices)
        bridges.append(bridge)
        return bridge

    engine = SipEngine(loopback_engine_settings(), audio_bridge_factory=make_bridge)
    player = pulse_audio.play_into(MIC_FEED_SINK, sine_pcm(TONE_HZ, 15.0))
    try:
        handle, bridge = start_echo_call(engine, sipp, bridges, qtbot)
        qtbot.wait(300)
        with qtbot.waitSignal(devices.headsetLost, timeout=5000) as lost_mic:
            pulse_audio.unplug_source(USB_MIC_SOURCE)
        assert lost_mic.args == ["capture", USB_MIC_DESCRIPTION]
        with qtbot.waitSignal(devices.headsetLost, timeout=5000) as lost_speakers:
            pulse_audio.unload_sink(SPARE_SINK)
        assert lost_speakers.args == ["playback", SPARE_DESCRIPTION]

        # The call goes on, on the system's default microphone and headset.
        frames = bridge.stats().frames_received
        heard = record_while(pulse_audio, HEADSET_SINK, tmp_path / "fallback.raw", qtbot, 1.5)
        assert bridge.is_running() and bridge.stats().frames_received > frames + 40
        assert [call.handle for call in engine.calls()] == [handle]
        tone = heard.loudest(0.5)
        assert tone.rms() > MIN_TONE_RMS
        assert tone.dominant_frequency() == pytest.approx(TONE_HZ, abs=2.0)

        # The speakers come back: the call's audio returns to them.
        with qtbot.waitSignal(devices.headsetRestored, timeout=5000) as restored:
            pulse_audio.load_sink(SPARE_SINK, SPARE_DESCRIPTION)
        assert restored.args == ["playback", SPARE_DESCRIPTION]
        engine.hangup(handle)
        qtbot.waitUntil(lambda: not bridge.is_running(), timeout=5000)
    finally:
        player.kill()
        player.wait(timeout=5)
        engine.shutdown()
        devices.shutdown()
        if SPARE_SINK not in pulse_audio.pactl("list", "short", "sinks"):
            pulse_audio.load_sink(SPARE_SINK, SPARE_DESCRIPTION)
        if USB_MIC_SOURCE in pulse_audio.pactl("list", "short", "sources"):
            pulse_audio.unplug_source(USB_MIC_SOURCE)


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


def live_bridge_ports() -> int:
    gc.collect()
    return sum(isinstance(thing, BridgeMediaPort) for thing in gc.get_objects())


def test_hang_ups_from_both_sides_at_random_moments_never_crash_or_leak(
    audio_engine: SipEngine,
    sipp: SippLauncher,
    bridges: list[CallAudioBridge],
    pulse_audio: PulseAudioServer,
    qtbot: QtBot,
) -> None:
    # The customer hangs up after a random 0-300 ms of talk and the agent at a random
    # moment in the same window, with audio flowing through the port: BYEs cross, and
    # ports are released while pjmedia's clock is calling them. (SIPp counts some aborted
    # calls twice, so it is told to expect more than we place.)
    rng = random.Random(20261123)  # seeded, so a failing run can be replayed
    peer = sipp.start(
        "uas_hangup_race", {"TALK_MAX_MS": 300}, calls=STRESS_CALLS + 20, rtp_echo=True,
        lifetime_s=STRESS_CALLS * 2 + 30,
    )  # fmt: skip
    player = pulse_audio.play_into(MIC_FEED_SINK, sine_pcm(TONE_HZ, STRESS_CALLS * 1.5 + 10))
    journal: dict[int, list[CallJournalEntry]] = {}
    audio_engine.call_journaled.connect(
        lambda entry: journal.setdefault(entry.call_handle, []).append(entry)
    )
    threads_after_warm_up = 0
    try:
        for index in range(STRESS_CALLS):
            bridges_before = len(bridges)
            handle = audio_engine.dial(peer.uri())
            qtbot.waitUntil(
                lambda h=handle, n=bridges_before: h in journal or len(bridges) > n, timeout=5000
            )
            qtbot.wait(rng.randint(0, 300))
            audio_engine.hangup(handle)  # a no-op when the customer was first
            qtbot.waitUntil(lambda h=handle: h in journal, timeout=5000)
            if index == 4:  # pools and media threads are created lazily
                threads_after_warm_up = native_threads()
    finally:
        player.kill()
        player.wait(timeout=5)

    entries = [entry for entries in journal.values() for entry in entries]
    assert len(entries) == STRESS_CALLS  # exactly one journal entry per call
    odd = [entry for entry in entries if entry.outcome is not CallOutcome.ANSWERED]
    assert not odd, odd
    qtbot.waitUntil(lambda: audio_engine.live_call_count() == 0, timeout=2000)
    assert audio_engine.live_call_object_count() == 0
    assert len(bridges) >= STRESS_CALLS and not any(b.is_running() for b in bridges)
    assert all(b.stats().callback_errors == 0 for b in bridges)
    assert live_bridge_ports() == 0  # every port was released by the clock thread
    qtbot.waitUntil(lambda: native_threads() <= threads_after_warm_up, timeout=2000)
