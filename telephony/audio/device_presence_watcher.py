"""Re-checks, while a call is up, that the devices the call uses still exist.

Runs :class:`~telephony.audio.pulse_device_probe.PulseDeviceProbe` every
``interval_s`` on a thread of its own (each check blocks for a few
milliseconds) and reports the answers as a Qt signal, which reaches the
watcher's owner on its own thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from telephony.audio.pulse_device_probe import Presence, PulseDeviceProbe

DeviceKey = tuple[str, bool]  # (device id, is an input)


class DevicePresenceWatcher(QObject):
    """Asks the sound server about a set of devices every ``interval_s``."""

    checked = Signal(object)  # dict[DeviceKey, Presence]

    def __init__(
        self, probe: PulseDeviceProbe, interval_s: float = 1.5, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._probe = probe
        self._interval_s = interval_s
        self._lock = threading.Lock()
        self._devices: frozenset[DeviceKey] = frozenset()
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    def check_now(self, devices: set[DeviceKey]) -> dict[DeviceKey, Presence]:
        """One synchronous round (for rare events on the caller's thread)."""
        return {key: self._probe.presence(key[0], is_input=key[1]) for key in devices}

    def watch(self, devices: set[DeviceKey]) -> None:
        """Check these devices from now on (starts the thread if needed)."""
        with self._lock:
            self._devices = frozenset(devices)
        if self._thread is None:
            stop = threading.Event()
            self._stop = stop
            self._thread = threading.Thread(
                target=self._run, args=(stop,), name="hatif-device-watch", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """Stop checking; returns once the thread has ended (bounded)."""
        thread, stop = self._thread, self._stop
        self._thread = self._stop = None
        if thread is not None and stop is not None:
            stop.set()
            thread.join(timeout=2.0)

    def _run(self, stop: threading.Event) -> None:
        while not stop.wait(self._interval_s):
            with self._lock:
                devices = set(self._devices)
            results = self.check_now(devices)
            if not stop.is_set():
                self.checked.emit(results)
