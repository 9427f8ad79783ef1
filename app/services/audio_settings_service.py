"""Audio devices for the settings dialog: choose, play a test tone, meter the mic.

Wraps the telephony ``AudioDeviceManager`` so the windows never touch Qt
Multimedia devices or pjsua2; the test tone and the level meter use the very
devices the calls will use.
"""

from __future__ import annotations

import math
from array import array

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer
from PySide6.QtMultimedia import QAudio, QAudioFormat, QAudioSink, QAudioSource

from app.services.audio_settings import AudioSettings, DeviceOption
from telephony.audio.device_choice import DeviceRole
from telephony.audio.device_manager import AudioDeviceManager

_RATE = 16_000


def _format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def tone_pcm(frequency: float = 440.0, seconds: float = 1.0, level: float = 0.3) -> bytes:
    """A sine tone as 16 kHz mono signed 16-bit PCM, with short fades."""
    count = int(_RATE * seconds)
    fade = int(_RATE * 0.02)
    samples = array("h")
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade)
        samples.append(
            int(32767 * level * envelope * math.sin(2 * math.pi * frequency * i / _RATE))
        )
    return samples.tobytes()


def peak_level(pcm: bytes) -> float:
    """Peak of signed 16-bit PCM, 0..1."""
    if len(pcm) < 2:
        return 0.0
    samples = array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    return max(abs(min(samples)), max(samples)) / 32768.0


class AudioSettingsService(AudioSettings):
    """Device lists and choices, a test tone, and a microphone level meter."""

    def __init__(self, devices: AudioDeviceManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._devices = devices
        self._sink: QAudioSink | None = None
        self._tone: QBuffer | None = None
        self._source: QAudioSource | None = None
        self._input: QIODevice | None = None
        self._meter_timer = QTimer(self)
        self._meter_timer.setInterval(50)
        self._meter_timer.timeout.connect(self._read_level)
        devices.devicesChanged.connect(self.devices_changed)

    @property
    def manager(self) -> AudioDeviceManager:
        return self._devices

    def options(self, role: str) -> list[DeviceOption]:
        pool = self._devices.inputs() if role == "capture" else self._devices.outputs()
        return [DeviceOption(d.id, d.description, d.is_default) for d in pool]

    def chosen(self, role: str) -> str | None:
        choice = self._devices.selection().for_role(DeviceRole(role))
        return choice.device_id if choice is not None else None

    def choose(self, role: str, device_id: str | None) -> None:
        self._devices.choose(DeviceRole(role), device_id)

    def play_test_tone(self, role: str = "playback") -> bool:
        """Play one second of 440 Hz on the device of ``role``; False if none."""
        self.stop_test_tone()
        device = self._devices.device_for(DeviceRole(role))
        if device.isNull():
            return False
        self._tone = QBuffer(self)
        self._tone.setData(QByteArray(tone_pcm()))
        self._tone.open(QIODevice.OpenModeFlag.ReadOnly)
        self._sink = QAudioSink(device, _format(), self)
        self._sink.stateChanged.connect(self._on_sink_state)
        self._sink.start(self._tone)
        return True

    def stop_test_tone(self) -> None:
        if self._sink is not None:
            self._sink.stop()
            self._sink.deleteLater()
            self._sink = None
        if self._tone is not None:
            self._tone.close()
            self._tone.deleteLater()
            self._tone = None

    def _on_sink_state(self, state: QAudio.State) -> None:
        if state == QAudio.State.IdleState:
            self.stop_test_tone()

    def start_meter(self) -> bool:
        """Start metering the chosen microphone; False if there is none."""
        self.stop_meter()
        device = self._devices.device_for(DeviceRole.CAPTURE)
        if device.isNull():
            return False
        self._source = QAudioSource(device, _format(), self)
        self._input = self._source.start()
        self._meter_timer.start()
        return self._input is not None

    def stop_meter(self) -> None:
        self._meter_timer.stop()
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
            self._source = None
        self._input = None

    def _read_level(self) -> None:
        if self._input is None:
            return
        data = bytes(self._input.readAll().data())
        if data:
            self.level.emit(peak_level(data))
