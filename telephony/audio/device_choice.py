"""Plain data about audio devices and the agent's choice of them (no Qt objects).

The app persists a :class:`AudioDeviceSelection` (via :meth:`to_dict` /
:meth:`from_dict`); devices are remembered by id AND description, never by
index, because indexes change whenever a headset is plugged in or out and ids
can change when the same headset comes back on another USB port.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class DeviceRole(StrEnum):
    """What a chosen device is used for."""

    CAPTURE = "capture"  # headset microphone
    PLAYBACK = "playback"  # headset earpiece
    RINGER = "ringer"  # where incoming calls ring (often the speakers)


@dataclass(frozen=True)
class AudioDeviceInfo:
    """One audio device as the system reports it."""

    id: str
    description: str
    is_input: bool
    is_output: bool
    is_default: bool


@dataclass(frozen=True)
class DeviceChoice:
    """A device the agent picked, as persisted: its id and its human description."""

    device_id: str
    description: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.device_id, "description": self.description}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DeviceChoice | None:
        if not data:
            return None
        device_id = str(data.get("id") or "")
        description = str(data.get("description") or "")
        if not device_id and not description:
            return None
        return cls(device_id=device_id, description=description)


@dataclass(frozen=True)
class AudioDeviceSelection:
    """The agent's chosen devices; ``None`` for a role means "the system default"."""

    capture: DeviceChoice | None = None
    playback: DeviceChoice | None = None
    ringer: DeviceChoice | None = None

    def for_role(self, role: DeviceRole) -> DeviceChoice | None:
        return {
            DeviceRole.CAPTURE: self.capture,
            DeviceRole.PLAYBACK: self.playback,
            DeviceRole.RINGER: self.ringer,
        }[role]

    def with_role(self, role: DeviceRole, choice: DeviceChoice | None) -> AudioDeviceSelection:
        values = {"capture": self.capture, "playback": self.playback, "ringer": self.ringer}
        values[role.value] = choice
        return AudioDeviceSelection(**values)

    def to_dict(self) -> dict[str, dict[str, str] | None]:
        return {
            role.value: (choice.to_dict() if choice else None)
            for role in DeviceRole
            for choice in [self.for_role(role)]
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> AudioDeviceSelection:
        data = data or {}
        return cls(
            capture=DeviceChoice.from_dict(data.get("capture")),
            playback=DeviceChoice.from_dict(data.get("playback")),
            ringer=DeviceChoice.from_dict(data.get("ringer")),
        )


def match_device(choice: DeviceChoice, candidates: list[AudioDeviceInfo]) -> AudioDeviceInfo | None:
    """The candidate that is the chosen device: same id first, else same description."""
    for info in candidates:
        if choice.device_id and info.id == choice.device_id:
            return info
    for info in candidates:
        if choice.description and info.description == choice.description:
            return info
    return None
