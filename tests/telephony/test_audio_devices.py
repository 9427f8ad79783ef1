"""Audio devices as the agent sees them: listing, choosing, persisting, hot-plug, ringtone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from telephony.audio.device_choice import AudioDeviceSelection, DeviceChoice, DeviceRole
from telephony.audio.device_manager import AudioDeviceManager, device_id, list_devices
from telephony.audio.ringtone import DEFAULT_RINGTONE, Ringtone
from tests.fixtures.pulse_audio import (
    HEADSET_DESCRIPTION,
    HEADSET_SINK,
    MIC_DESCRIPTION,
    MIC_SOURCE,
    SPARE_DESCRIPTION,
    SPARE_SINK,
    PulseAudioServer,
)

pytestmark = pytest.mark.audio


@pytest.fixture
def manager(qapp: QCoreApplication, pulse_audio: PulseAudioServer) -> AudioDeviceManager:
    return AudioDeviceManager()


def test_list_devices_shows_the_headset_microphone_and_outputs(
    qapp: QCoreApplication, pulse_audio: PulseAudioServer
) -> None:
    devices = list_devices()
    inputs = {d.description: d for d in devices if d.is_input}
    outputs = {d.description: d for d in devices if d.is_output}
    assert inputs[MIC_DESCRIPTION].id == MIC_SOURCE
    assert inputs[MIC_DESCRIPTION].is_default
    assert outputs[HEADSET_DESCRIPTION].id == HEADSET_SINK
    assert outputs[HEADSET_DESCRIPTION].is_default
    assert not outputs[SPARE_DESCRIPTION].is_default
    # Monitors of outputs are not microphones.
    assert not any(d.id.endswith(".monitor") for d in devices)


def test_choice_is_persisted_as_plain_data_and_found_again(
    manager: AudioDeviceManager, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(manager.selectionChanged, timeout=1000) as changed:
        manager.choose(DeviceRole.RINGER, SPARE_SINK)
    stored = changed.args[0].to_dict()
    assert stored["ringer"] == {"id": SPARE_SINK, "description": SPARE_DESCRIPTION}
    assert stored["playback"] is None  # not chosen: the system default

    restored = AudioDeviceManager(AudioDeviceSelection.from_dict(stored))
    assert device_id(restored.device_for(DeviceRole.RINGER)) == SPARE_SINK
    assert device_id(restored.device_for(DeviceRole.PLAYBACK)) == HEADSET_SINK


def test_a_device_back_under_a_new_id_is_found_by_its_description(
    manager: AudioDeviceManager, qtbot: QtBot
) -> None:
    stale = AudioDeviceSelection(playback=DeviceChoice("usb-0000:00:14.0-old", SPARE_DESCRIPTION))
    with qtbot.waitSignal(manager.selectionChanged, timeout=1000):
        manager.set_selection(stale)
    assert device_id(manager.device_for(DeviceRole.PLAYBACK)) == SPARE_SINK
    # The new id is what the app should store from now on.
    assert manager.selection().playback == DeviceChoice(SPARE_SINK, SPARE_DESCRIPTION)


def test_choosing_an_absent_device_is_refused(manager: AudioDeviceManager) -> None:
    with pytest.raises(KeyError):
        manager.choose(DeviceRole.PLAYBACK, "no-such-sink")
    with pytest.raises(KeyError):
        manager.choose(DeviceRole.CAPTURE, HEADSET_SINK)  # an output is not a microphone


def test_unplugging_the_chosen_headset_signals_it_and_falls_back_then_restores(
    qapp: QCoreApplication, pulse_audio: PulseAudioServer, qtbot: QtBot
) -> None:
    manager = AudioDeviceManager(
        AudioDeviceSelection(playback=DeviceChoice(HEADSET_SINK, HEADSET_DESCRIPTION))
    )
    try:
        with qtbot.waitSignal(manager.headsetLost, timeout=5000) as lost:
            pulse_audio.unload_sink(HEADSET_SINK)
        assert lost.args == ["playback", HEADSET_DESCRIPTION]
        assert not manager.is_chosen_present(DeviceRole.PLAYBACK)
        fallback = manager.device_for(DeviceRole.PLAYBACK)
        assert not fallback.isNull() and device_id(fallback) != HEADSET_SINK
        # The choice itself is kept: the agent wants the headset back when it returns.
        assert manager.selection().playback == DeviceChoice(HEADSET_SINK, HEADSET_DESCRIPTION)

        with qtbot.waitSignal(manager.headsetRestored, timeout=5000) as restored:
            pulse_audio.load_sink(HEADSET_SINK, HEADSET_DESCRIPTION)
        assert restored.args == ["playback", HEADSET_DESCRIPTION]
        assert device_id(manager.device_for(DeviceRole.PLAYBACK)) == HEADSET_SINK
    finally:
        if HEADSET_SINK not in pulse_audio.pactl("list", "short", "sinks"):
            pulse_audio.load_sink(HEADSET_SINK, HEADSET_DESCRIPTION)
        pulse_audio.pactl("set-default-sink", HEADSET_SINK)


def test_the_ringtone_rings_on_the_ringer_device_only_until_stopped(
    manager: AudioDeviceManager, pulse_audio: PulseAudioServer, qtbot: QtBot, tmp_path: Path
) -> None:
    manager.choose(DeviceRole.RINGER, SPARE_SINK)
    ringtone = Ringtone(manager)
    speakers = pulse_audio.start_recording(SPARE_SINK, tmp_path / "speakers.raw")
    headset = pulse_audio.start_recording(HEADSET_SINK, tmp_path / "headset.raw")
    ringtone.start()
    qtbot.waitUntil(ringtone.is_ringing, timeout=3000)
    qtbot.wait(1500)
    ringtone.stop()
    assert not ringtone.is_ringing()
    qtbot.wait(300)
    heard = speakers.finish()
    in_headset = headset.finish()

    ring = heard.loudest(0.3)
    assert ring.rms() > 0.05
    assert 430 <= ring.dominant_frequency() <= 490  # the 440 + 480 Hz ring
    assert in_headset.rms() < 0.005
    # Stopped means silent: the last 200 ms of the speakers' recording are quiet.
    tail = heard.samples[-int(0.2 * heard.rate) :]
    assert float((tail**2).mean() ** 0.5) < 0.005


def test_the_ringtone_asset_exists() -> None:
    assert DEFAULT_RINGTONE.is_file() and DEFAULT_RINGTONE.stat().st_size > 10_000
