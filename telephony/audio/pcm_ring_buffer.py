"""A fixed-size, thread-safe ring of PCM bytes between Qt's audio thread and pjmedia's clock.

The writer and the reader live on different threads (Qt's audio I/O thread and
pjmedia's clock thread). The lock is held only while bytes are copied in or out
of the preallocated storage: never across a Qt or pjsua2 call. Nothing is
allocated per frame except the ``bytes`` handed back by :meth:`read`.

When the writer outruns the reader (clock drift, a reader that stopped), the
oldest audio is dropped so latency stays bounded; ``overruns`` counts that.
When the reader finds too little, it gets what there is and ``underruns``
counts that (the caller pads with silence).
"""

from __future__ import annotations

import threading


class PcmRingBuffer:
    """Bounded FIFO of bytes, oldest dropped on overflow, with glitch counters."""

    def __init__(self, capacity_bytes: int, max_fill_bytes: int | None = None) -> None:
        if capacity_bytes <= 0 or capacity_bytes % 2:
            raise ValueError("capacity must be a positive, even number of bytes")
        self._buf = bytearray(capacity_bytes)
        self._capacity = capacity_bytes
        # Fill level above which the oldest audio is dropped (latency bound).
        self._max_fill = min(max_fill_bytes or capacity_bytes, capacity_bytes)
        self._max_fill -= self._max_fill % 2
        self._read_pos = 0
        self._fill = 0
        self._lock = threading.Lock()
        self.overruns = 0
        self.underruns = 0
        self.dropped_bytes = 0

    @property
    def capacity(self) -> int:
        return self._capacity

    def available(self) -> int:
        """Bytes ready to be read."""
        with self._lock:
            return self._fill

    def clear(self) -> None:
        with self._lock:
            self._read_pos = 0
            self._fill = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Append ``data``; drop the oldest audio beyond the fill limit."""
        view = memoryview(data)
        size = len(view)
        if size == 0:
            return
        if size > self._max_fill:
            # Only the newest part of an oversized chunk can fit.
            dropped_here = size - self._max_fill
            view = view[dropped_here:]
            size = self._max_fill
        else:
            dropped_here = 0
        with self._lock:
            excess = self._fill + size - self._max_fill
            if excess > 0 or dropped_here:
                excess = max(excess, 0)
                excess += excess % 2  # never split a sample
                excess = min(excess, self._fill)
                self._read_pos = (self._read_pos + excess) % self._capacity
                self._fill -= excess
                self.overruns += 1
                self.dropped_bytes += excess + dropped_here
            write_pos = (self._read_pos + self._fill) % self._capacity
            first = min(size, self._capacity - write_pos)
            self._buf[write_pos : write_pos + first] = view[:first]
            if first < size:
                self._buf[0 : size - first] = view[first:]
            self._fill += size

    def read(self, size: int) -> bytes:
        """Take up to ``size`` bytes (fewer when not enough is buffered)."""
        with self._lock:
            take = min(size, self._fill)
            if take < size:
                self.underruns += 1
            if take == 0:
                return b""
            start = self._read_pos
            end = start + take
            if end <= self._capacity:
                out = bytes(self._buf[start:end])
            else:
                out = bytes(self._buf[start:]) + bytes(self._buf[: end - self._capacity])
            self._read_pos = end % self._capacity
            self._fill -= take
            return out
