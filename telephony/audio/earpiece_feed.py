"""The far end's audio written by pjmedia's clock thread straight into the QAudioSink.

In push mode a QAudioSink hands out a QIODevice that writes into its own
lock-free buffer (Qt's audio thread, or PulseAudio's, plays it from there).
The port callback writes each 20 ms frame into that device: one Qt call on a
thread that holds the GIL anyway, and no Python at all on Qt's side, so neither a
GUI thread busy running Python nor a Qt audio thread waiting for the GIL can
leave the earpiece dry.

Only the clock thread writes; the bridge's Qt thread attaches and detaches the
device when it opens or closes the sink. No lock is held across the write:
:meth:`EarpieceFeed.detach` clears the device, then waits until the clock
thread has come back once (any write in flight has finished) before the caller
may stop the sink and so destroy the device.
"""

from __future__ import annotations

import time
from typing import Protocol

# The clock calls the port every 20 ms; waiting longer means it has stopped.
_DETACH_WAIT_S = 0.1


class _Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


class EarpieceFeed:
    """Where the port sends the far end's audio (see the module docstring)."""

    def __init__(self) -> None:
        self._device: _Writable | None = None
        self._calls = 0  # writes attempted; read by detach() to see the clock come back
        self.written = False  # whether any audio reached the device yet
        self.dropped_bytes = 0  # audio the device had no room for (it played too slowly)

    # -- pjmedia's clock thread -----------------------------------------------------
    def write(self, data: bytes) -> None:
        device = self._device
        if device is not None:
            written = device.write(data)
            if written < len(data):
                self.dropped_bytes += len(data) - max(written, 0)
            self.written = True
        self._calls += 1

    # -- the bridge's Qt thread -----------------------------------------------------
    def attach(self, device: _Writable) -> None:
        self.written = False
        self._device = device

    def detach(self) -> None:
        """Stop writing; returns once no write can still be using the old device."""
        if self._device is None:
            return
        self._device = None
        seen = self._calls
        deadline = time.monotonic() + _DETACH_WAIT_S
        while self._calls == seen and time.monotonic() < deadline:
            time.sleep(0.002)
