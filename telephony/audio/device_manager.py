"""Audio devices from Qt's QMediaDevices: listing, the agent's choice, hot-plug.

:class:`AudioDeviceManager` resolves the agent's persisted choice (by id, then by
description) to live ``QAudioDevice`` objects for three roles (capture, playback,
ringer), follows ``audioInputsChanged`` / ``audioOutputsChanged`` and tells
listeners:

* ``activeDevicesChanged`` – the device to use for some role changed (the call
  audio bridge and the ringtone switch over, also mid-call);
* ``headsetLost(role, description)`` – the chosen capture or playback device
  disappeared (the app pauses the agent); the role falls back to the system
  default meanwhile so a running call keeps its audio path;
* ``headsetRestored(role, description)`` – it came back and is used again;
* ``selectionChanged(AudioDeviceSelection)`` – the choice to persist changed
  (the agent picked a device, or a device came back under a new id).

Qt 6.10's PulseAudio backend misses the removal of a device that is not the
system default (no signal, and the stale device stays listed). So while a call
is up (:meth:`AudioDeviceManager.begin_call_watch`) the manager re-reads Qt's
lists every 1.5 s and, where PulseAudio is reachable, asks the server itself
whether the call's devices still exist; a device the server no longer has is
treated as unplugged even though Qt still lists it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

from telephony.audio.device_choice import (
    AudioDeviceInfo,
    AudioDeviceSelection,
    DeviceChoice,
    DeviceRole,
    match_device,
)
from telephony.audio.device_presence_watcher import DeviceKey, DevicePresenceWatcher
from telephony.audio.pulse_device_probe import Presence, PulseDeviceProbe

# The roles whose loss means "the agent's headset is gone".
HEADSET_ROLES = (DeviceRole.CAPTURE, DeviceRole.PLAYBACK)
# How often the devices of a call in progress are re-checked (see the module doc).
CALL_RECHECK_INTERVAL_MS = 1500

_cli_app: QCoreApplication | None = None


def device_id(device: QAudioDevice) -> str:
    """Qt's device id as text (a PulseAudio sink/source name, a WASAPI endpoint id...)."""
    return bytes(device.id().data()).decode("utf-8", errors="replace")


def _info(device: QAudioDevice, *, is_input: bool) -> AudioDeviceInfo:
    return AudioDeviceInfo(
        id=device_id(device),
        description=device.description(),
        is_input=is_input,
        is_output=not is_input,
        is_default=device.isDefault(),
    )


def list_devices() -> list[AudioDeviceInfo]:
    """Every input then every output device (creates a QCoreApplication if none runs)."""
    global _cli_app
    if QCoreApplication.instance() is None:
        # Command-line use (`python -m telephony devices`): Qt needs an application.
        _cli_app = QCoreApplication([])
    inputs = [_info(d, is_input=True) for d in QMediaDevices.audioInputs()]
    outputs = [_info(d, is_input=False) for d in QMediaDevices.audioOutputs()]
    return inputs + outputs


class AudioDeviceManager(QObject):
    """The agent's capture, playback and ringer devices, kept valid across hot-plug."""

    devicesChanged = Signal()
    activeDevicesChanged = Signal()
    selectionChanged = Signal(object)  # AudioDeviceSelection
    headsetLost = Signal(str, str)  # role value, description of the lost device
    headsetRestored = Signal(str, str)  # role value, description

    def __init__(
        self,
        selection: AudioDeviceSelection | None = None,
        parent: QObject | None = None,
        *,
        probe: PulseDeviceProbe | None = None,
    ) -> None:
        """``probe`` defaults to :meth:`PulseDeviceProbe.load` (None off Linux)."""
        super().__init__(parent)
        self._selection = selection or AudioDeviceSelection()
        self._media_devices = QMediaDevices(self)
        self._inputs: list[QAudioDevice] = []
        self._outputs: list[QAudioDevice] = []
        self._active: dict[DeviceRole, QAudioDevice] = {}
        # Whether the chosen device of a role is present (None: no choice made).
        self._chosen_present: dict[DeviceRole, bool | None] = {}
        self._media_devices.audioInputsChanged.connect(self._on_devices_changed)
        self._media_devices.audioOutputsChanged.connect(self._on_devices_changed)
        # Devices Qt still lists but the sound server says are gone.
        self._gone: set[DeviceKey] = set()
        self._call_watchers = 0
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setInterval(CALL_RECHECK_INTERVAL_MS)
        self._recheck_timer.timeout.connect(self._recheck_lists)
        probe = probe if probe is not None else PulseDeviceProbe.load()
        self._watcher: DevicePresenceWatcher | None = None
        if probe is not None:
            self._watcher = DevicePresenceWatcher(probe, CALL_RECHECK_INTERVAL_MS / 1000, self)
            self._watcher.checked.connect(self._on_presence_checked)
        self._refresh_lists()
        self._resolve(announce=False)

    # -- listing -------------------------------------------------------------------
    def inputs(self) -> list[AudioDeviceInfo]:
        return [_info(d, is_input=True) for d in self._inputs]

    def outputs(self) -> list[AudioDeviceInfo]:
        return [_info(d, is_input=False) for d in self._outputs]

    # -- the agent's choice --------------------------------------------------------
    def selection(self) -> AudioDeviceSelection:
        return self._selection

    def set_selection(self, selection: AudioDeviceSelection) -> None:
        """Adopt a whole selection (e.g. the persisted one, or the settings dialog's)."""
        self._selection = selection
        self._resolve(announce=True)
        self.selectionChanged.emit(self._selection)

    def choose(self, role: DeviceRole, chosen_id: str | None) -> DeviceChoice | None:
        """Pick the device with id ``chosen_id`` for ``role`` (``None``: system default).

        Raises ``KeyError`` when no such device is present for that role.
        """
        choice: DeviceChoice | None = None
        if chosen_id is not None:
            pool = self.inputs() if role is DeviceRole.CAPTURE else self.outputs()
            found = next((info for info in pool if info.id == chosen_id), None)
            if found is None:
                raise KeyError(chosen_id)
            choice = DeviceChoice(device_id=found.id, description=found.description)
        self.set_selection(self._selection.with_role(role, choice))
        return choice

    # -- what to use now -----------------------------------------------------------
    def device_for(self, role: DeviceRole) -> QAudioDevice:
        """The device to open for ``role`` now (the choice, else the system default).

        A null ``QAudioDevice`` when the system has no device at all for that role.
        """
        return self._active.get(role, QAudioDevice())

    def is_chosen_present(self, role: DeviceRole) -> bool:
        """False only when a device was chosen for ``role`` and is not plugged in."""
        return self._chosen_present.get(role) is not False

    # -- while a call is up ------------------------------------------------------------
    def begin_call_watch(self) -> None:
        """A call's audio uses the devices: re-check them until :meth:`end_call_watch`."""
        self._call_watchers += 1
        if self._call_watchers == 1:
            self._recheck_timer.start()
            self._update_watched_devices()

    def end_call_watch(self) -> None:
        if self._call_watchers == 0:
            return
        self._call_watchers -= 1
        if self._call_watchers == 0:
            self._recheck_timer.stop()
            if self._watcher is not None:
                self._watcher.stop()

    def shutdown(self) -> None:
        """Stop every re-check (the watcher's thread included)."""
        self._call_watchers = 1
        self.end_call_watch()

    # -- internals -----------------------------------------------------------------
    def _refresh_lists(self) -> None:
        self._inputs = [
            d for d in QMediaDevices.audioInputs() if (device_id(d), True) not in self._gone
        ]
        self._outputs = [
            d for d in QMediaDevices.audioOutputs() if (device_id(d), False) not in self._gone
        ]

    def _watched_devices(self) -> set[DeviceKey]:
        """The call's devices and the chosen ones (to see them come back)."""
        keys: set[DeviceKey] = set()
        for role in HEADSET_ROLES:
            is_input = role is DeviceRole.CAPTURE
            active = self._active.get(role)
            if active is not None and not active.isNull():
                keys.add((device_id(active), is_input))
            choice = self._selection.for_role(role)
            if choice is not None and choice.device_id:
                keys.add((choice.device_id, is_input))
        return keys

    def _update_watched_devices(self) -> None:
        if self._watcher is not None and self._call_watchers:
            self._watcher.watch(self._watched_devices())

    def _recheck_lists(self) -> None:
        """Qt's lists may have changed without a signal (some backends miss removals)."""
        before = ([device_id(d) for d in self._inputs], [device_id(d) for d in self._outputs])
        self._refresh_lists()
        after = ([device_id(d) for d in self._inputs], [device_id(d) for d in self._outputs])
        if after != before:
            self._on_devices_changed()

    def _on_presence_checked(self, results: dict[DeviceKey, Presence]) -> None:
        gone = set(self._gone)
        for key, presence in results.items():
            if presence is Presence.GONE:
                gone.add(key)
            elif presence is Presence.PRESENT:
                gone.discard(key)
        if gone != self._gone:
            self._gone = gone
            self._on_devices_changed()

    def _on_devices_changed(self) -> None:
        if self._gone and self._watcher is not None and not self._call_watchers:
            # Outside a call nothing re-checks: ask once whether they came back.
            results = self._watcher.check_now(set(self._gone))
            self._gone = {key for key in self._gone if results[key] is not Presence.PRESENT}
        self._refresh_lists()
        self.devicesChanged.emit()
        self._resolve(announce=True)

    def _resolve(self, *, announce: bool) -> None:
        """Map each role to a live device; announce losses, returns and switches."""
        changed = False
        selection_updated = False
        for role in DeviceRole:
            devices = self._inputs if role is DeviceRole.CAPTURE else self._outputs
            default = (
                QMediaDevices.defaultAudioInput()
                if role is DeviceRole.CAPTURE
                else QMediaDevices.defaultAudioOutput()
            )
            choice = self._selection.for_role(role)
            device = default
            present: bool | None = None
            if choice is not None:
                infos = [_info(d, is_input=role is DeviceRole.CAPTURE) for d in devices]
                found = match_device(choice, infos)
                present = found is not None
                if found is not None:
                    device = devices[infos.index(found)]
                    if found.id != choice.device_id:
                        # Same headset back under a new id: remember the new one.
                        self._selection = self._selection.with_role(
                            role, DeviceChoice(found.id, found.description)
                        )
                        selection_updated = True
            was_present = self._chosen_present.get(role)
            self._chosen_present[role] = present
            previous = self._active.get(role)
            if previous is None or previous != device:
                changed = True
            self._active[role] = device
            if not announce or role not in HEADSET_ROLES:
                continue
            if choice is None:
                # Following the system default: losing the device in use is a loss too.
                if previous is not None and not previous.isNull() and previous not in devices:
                    self.headsetLost.emit(role.value, previous.description())
            elif was_present and not present:
                self.headsetLost.emit(role.value, choice.description)
            elif was_present is False and present:
                self.headsetRestored.emit(role.value, choice.description)
        self._update_watched_devices()
        if announce and changed:
            self.activeDevicesChanged.emit()
        if announce and selection_updated:
            self.selectionChanged.emit(self._selection)
