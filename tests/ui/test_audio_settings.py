"""Settings → Audio on a real (private) PulseAudio: the devices listed, the test
tone heard in the chosen headset, the microphone meter moving with a voice."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.audio_settings_service import AudioSettingsService, tone_pcm
from telephony.audio.device_manager import AudioDeviceManager
from tests.fixtures.pulse_audio import (
    HEADSET_DESCRIPTION,
    HEADSET_SINK,
    MIC_DESCRIPTION,
    MIC_FEED_SINK,
    MIC_SOURCE,
    SPARE_DESCRIPTION,
    SPARE_SINK,
    PulseAudioServer,
)
from ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.audio


@pytest.fixture
def audio(qapp: QApplication, pulse_audio: PulseAudioServer) -> AudioSettingsService:
    return AudioSettingsService(AudioDeviceManager())


def _items(combo) -> list[str]:  # type: ignore[no-untyped-def]
    return [combo.itemText(i) for i in range(combo.count())]


def test_devices_are_listed_and_the_test_tone_plays_in_the_chosen_headset(
    qtbot: QtBot, audio: AudioSettingsService, pulse_audio: PulseAudioServer, tmp_path: Path
) -> None:
    dialog = SettingsDialog(audio, "fr", {})
    qtbot.addWidget(dialog)
    assert MIC_DESCRIPTION in _items(dialog.capture)
    assert {HEADSET_DESCRIPTION, SPARE_DESCRIPTION} <= set(_items(dialog.playback))

    dialog.ringer.setCurrentIndex(dialog.ringer.findData(SPARE_SINK))
    dialog.ringer.activated.emit(dialog.ringer.currentIndex())
    assert audio.chosen("ringer") == SPARE_SINK
    dialog.playback.setCurrentIndex(dialog.playback.findData(HEADSET_SINK))
    dialog.playback.activated.emit(dialog.playback.currentIndex())
    assert audio.chosen("playback") == HEADSET_SINK

    headset = pulse_audio.start_recording(HEADSET_SINK, tmp_path / "headset.raw")
    dialog.test_tone.click()
    qtbot.wait(1400)
    heard = headset.finish().loudest(0.3)
    assert heard.rms() > 0.05
    assert 420 <= heard.dominant_frequency() <= 460


def test_the_microphone_meter_moves_when_the_agent_speaks(
    qtbot: QtBot, audio: AudioSettingsService, pulse_audio: PulseAudioServer, tmp_path: Path
) -> None:
    dialog = SettingsDialog(audio, "fr", {})
    qtbot.addWidget(dialog)
    dialog.capture.setCurrentIndex(dialog.capture.findData(MIC_SOURCE))
    dialog.capture.activated.emit(dialog.capture.currentIndex())
    dialog.meter_button.setChecked(True)
    qtbot.wait(300)
    quiet = dialog.meter.value()
    voice = tmp_path / "voice.raw"
    voice.write_bytes(tone_pcm(300.0, 2.0, level=0.6))
    with voice.open("rb") as stdin:
        player = subprocess.Popen(
            [
                "pacat", "--playback", f"--device={MIC_FEED_SINK}", "--format=s16le",
                "--rate=16000", "--channels=1", "--raw",
            ],
            env=pulse_audio.env, stdin=stdin,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    try:
        qtbot.waitUntil(lambda: dialog.meter.value() >= 30, timeout=3_000)
    finally:
        player.wait(timeout=10)
    assert quiet < 10
    dialog.meter_button.setChecked(False)
    assert dialog.meter.value() == 0
