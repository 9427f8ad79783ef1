"""Asks the PulseAudio server itself whether a sink or source still exists.

Qt 6.10's PulseAudio backend neither updates ``QMediaDevices.audioOutputs()`` /
``audioInputs()`` nor emits ``audioOutputsChanged`` / ``audioInputsChanged``
when a device that is not the default one goes away, and the server quietly
moves the call's streams to another device, so nothing on Qt's side changes
when the agent's chosen headset is unplugged. This probe connects a recording
stream to the device (a sink's ``.monitor``, so nothing is ever played) through
``libpulse-simple`` and reads "no such entity" as "gone".

Linux only, and only when ``libpulse-simple.so.0`` is present (it ships with
libpulse, which Qt's own backend needs). The calls block for a few
milliseconds, so :class:`~telephony.audio.device_presence_watcher.DevicePresenceWatcher`
runs them on its own thread, never on the GUI or audio threads.
"""

from __future__ import annotations

import ctypes
import os
import sys
from enum import Enum

_PA_STREAM_RECORD = 2
_PA_SAMPLE_S16LE = 3
_PA_ERR_NOENTITY = 5


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class Presence(Enum):
    """What the sound server said about one device."""

    PRESENT = "present"
    GONE = "gone"
    UNKNOWN = "unknown"  # server unreachable or another error: decide nothing


class PulseDeviceProbe:
    """One blocking question per call: is this sink or source still there?"""

    def __init__(self, library: ctypes.CDLL) -> None:
        self._new = library.pa_simple_new
        self._new.restype = ctypes.c_void_p
        self._new.argtypes = [
            ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p,
            ctypes.POINTER(_SampleSpec), ctypes.c_void_p, ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
        ]  # fmt: skip
        self._free = library.pa_simple_free
        self._free.restype = None
        self._free.argtypes = [ctypes.c_void_p]
        self._spec = _SampleSpec(_PA_SAMPLE_S16LE, 8000, 1)

    @classmethod
    def load(cls) -> PulseDeviceProbe | None:
        """The probe, or None where there is no PulseAudio client library."""
        if not sys.platform.startswith("linux"):
            return None
        try:
            return cls(ctypes.CDLL("libpulse-simple.so.0"))
        except OSError:
            return None

    def presence(self, device_id: str, *, is_input: bool) -> Presence:
        """Whether the source ``device_id`` (or the sink, for an output) exists now."""
        source = device_id if is_input else f"{device_id}.monitor"
        server = os.environ.get("PULSE_SERVER")
        error = ctypes.c_int(0)
        stream = self._new(
            server.encode() if server else None, b"Hatif device check", _PA_STREAM_RECORD,
            source.encode(), b"presence", ctypes.byref(self._spec), None, None,
            ctypes.byref(error),
        )  # fmt: skip
        if stream:
            self._free(stream)
            return Presence.PRESENT
        return Presence.GONE if error.value == _PA_ERR_NOENTITY else Presence.UNKNOWN
