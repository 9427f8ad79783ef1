"""What the settings dialog uses of the audio devices (no device library in sight)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class DeviceOption:
    """One device the agent can pick for a role."""

    device_id: str
    description: str
    is_default: bool


class AudioSettings(QObject):
    """Device lists and choices per role ("capture", "playback", "ringer"),
    a test tone, and a microphone level meter. ``AudioSettingsService`` implements it."""

    level = Signal(float)  # 0..1 while the meter runs
    devices_changed = Signal()

    def options(self, role: str) -> list[DeviceOption]:
        raise NotImplementedError

    def chosen(self, role: str) -> str | None:
        raise NotImplementedError

    def choose(self, role: str, device_id: str | None) -> None:
        raise NotImplementedError

    def play_test_tone(self, role: str = "playback") -> bool:
        raise NotImplementedError

    def stop_test_tone(self) -> None:
        raise NotImplementedError

    def start_meter(self) -> bool:
        raise NotImplementedError

    def stop_meter(self) -> None:
        raise NotImplementedError
