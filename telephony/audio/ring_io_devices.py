"""A QIODevice over the earpiece ring, for the QAudioSink in pull mode.

In pull mode Qt's own audio code decides when to move audio: the QAudioSink
reads the earpiece ring through :class:`RingReader` whenever its device buffer
has room. Each transfer is then one entry into Python (one GIL acquisition)
instead of the three Qt calls a timer-driven push makes (``bytesFree``, the
ring, ``write``), which is what a busy GUI thread makes expensive.

The microphone side stays in push mode: PySide6 6.10 crashes (a NULL argument
tuple in its ``QIODevice.writeData`` override glue) when a QAudioSource writes
into a Python QIODevice.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QIODevice, QObject

from telephony.audio.pcm_ring_buffer import PcmRingBuffer


class RingReader(QIODevice):
    """The earpiece ring as an endless sequential device the QAudioSink pulls from."""

    def __init__(self, ring: PcmRingBuffer, parent: QObject) -> None:
        super().__init__(parent)
        self._ring = ring
        self.longest_pull_gap_ms = 0.0  # worst wait between two pulls (device starvation)
        self.pulled = False  # whether any audio has been handed to the sink yet
        self._last_pull_ns = 0

    def isSequential(self) -> bool:
        return True

    def atEnd(self) -> bool:
        return False  # a call's audio never ends while the stream is open

    def bytesAvailable(self) -> int:
        return self._ring.available() + super().bytesAvailable()

    def readData(self, maxlen: int) -> bytes:
        now = time.perf_counter_ns()
        if self._last_pull_ns:
            gap_ms = (now - self._last_pull_ns) / 1e6
            if gap_ms > self.longest_pull_gap_ms:
                self.longest_pull_gap_ms = gap_ms
        self._last_pull_ns = now
        data = self._ring.read(maxlen - maxlen % 2)
        if data:
            self.pulled = True
        return data

    def writeData(self, data: bytes | bytearray | memoryview, size: int) -> int:
        return -1  # read-only
