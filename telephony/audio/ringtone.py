"""The incoming-call ringtone, played on the agent's ringer device through Qt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices, QSoundEffect

from telephony.audio.device_choice import DeviceRole
from telephony.audio.device_manager import AudioDeviceManager

# resources/ sits beside the packages in a checkout and in the PyInstaller bundle.
DEFAULT_RINGTONE = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "ringtone.wav"


class Ringtone(QObject):
    """Loops a WAV on the ringer device between :meth:`start` and :meth:`stop`."""

    def __init__(
        self,
        devices: AudioDeviceManager | None = None,
        wav_path: Path = DEFAULT_RINGTONE,
        *,
        device: QAudioDevice | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Ring on ``devices``' ringer (following changes), else on ``device`` or the default."""
        super().__init__(parent)
        if not wav_path.is_file():
            raise FileNotFoundError(wav_path)
        self._devices = devices
        self._device = device
        self._wav_path = wav_path
        # Made at the first ring: a desk with no sound output at all (a lead's PC, a
        # kiosk) must not open an audio output it will never use.
        self._effect: QSoundEffect | None = None
        if devices is not None:
            devices.activeDevicesChanged.connect(self._follow_ringer)

    def _sound(self) -> QSoundEffect:
        if self._effect is None:
            self._effect = QSoundEffect(self._ringer_device(self._device), self)
            self._effect.setSource(QUrl.fromLocalFile(str(self._wav_path)))
            self._effect.setLoopCount(QSoundEffect.Loop.Infinite.value)
        return self._effect

    def start(self) -> None:
        """Start ringing (no-op if already ringing)."""
        effect = self._sound()
        if not effect.isPlaying():
            effect.play()

    def stop(self) -> None:
        if self._effect is not None:
            self._effect.stop()

    def is_ringing(self) -> bool:
        return self._effect is not None and self._effect.isPlaying()

    def _ringer_device(self, explicit: QAudioDevice | None) -> QAudioDevice:
        if self._devices is not None:
            return self._devices.device_for(DeviceRole.RINGER)
        return explicit or QMediaDevices.defaultAudioOutput()

    def _follow_ringer(self) -> None:
        if self._effect is None:
            return  # the first ring will use the ringer chosen by then
        device = self._ringer_device(None)
        if device != self._effect.audioDevice():
            ringing = self._effect.isPlaying()
            self._effect.stop()
            self._effect.setAudioDevice(device)
            if ringing:
                self._effect.play()
