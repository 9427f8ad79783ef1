"""Microphone audio from Qt to pjmedia's clock thread through an OS pipe.

The QAudioSource writes what it captures straight into the pipe's write end (a
``QFile`` over the descriptor, in Qt's push mode): no Python runs on the way in,
so a GUI thread busy running Python cannot hold the microphone up. The port
callback on pjmedia's clock thread drains the read end (one non-blocking
``read`` per 20 ms tick) into a buffer only that thread touches.

The pipe is the queue between two threads, so there is no lock. Latency stays
bounded the same way as in :class:`~telephony.audio.pcm_ring_buffer.PcmRingBuffer`:
audio beyond ``max_fill_bytes`` is dropped, oldest first. The kernel buffer is
enlarged (Linux) so that Qt's writes never meet a full pipe, even while pjmedia
does not ask for audio (a call on hold).

Needs ``os.pipe2`` (Linux and the BSDs); elsewhere the bridge keeps the
timer-driven ring (see :func:`mic_pipe_supported`).
"""

from __future__ import annotations

import os
import sys
import time

if sys.platform != "win32":
    import fcntl

# Room for several seconds of 16 kHz mono audio, so a paused reader never makes
# Qt's write fail (a failed write stops the QAudioSource with an I/O error).
PIPE_SIZE_BYTES = 1024 * 1024
# One read takes at most this much: the backlog of a late tick, not a whole second.
_READ_CHUNK_BYTES = 16 * 1024


def mic_pipe_supported() -> bool:
    """Whether this platform can carry the microphone through a non-blocking pipe."""
    return hasattr(os, "pipe2")


class MicPipe:
    """The pipe, and the reader's side of it (call the read methods from one thread)."""

    def __init__(self, max_fill_bytes: int) -> None:
        if max_fill_bytes <= 0 or max_fill_bytes % 2:
            raise ValueError("max_fill_bytes must be a positive, even number of bytes")
        read_fd, write_fd = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self._read_fd = read_fd
        self.write_fd = write_fd
        self.pipe_size_bytes = _enlarge(write_fd)
        self._max_fill = max_fill_bytes
        self._pending = bytearray()
        self._last_arrival_ns = 0
        self.longest_arrival_gap_ms = 0.0  # worst wait between two deliveries from Qt
        self.dropped_bytes = 0
        self._closed = False

    # -- reader side (pjmedia's clock thread) ------------------------------------------
    def available(self) -> int:
        """Drain the pipe, then say how many bytes are ready."""
        self._drain()
        return len(self._pending)

    def read(self, size: int) -> bytes:
        """Drain the pipe, then take up to ``size`` bytes (fewer when not enough came)."""
        pending = self._pending
        if len(pending) < size:
            self._drain()
        out = bytes(pending[:size])
        del pending[:size]
        return out

    def clear(self) -> None:
        """Forget what was captured so far (a new call starts from silence)."""
        self._drain()
        self._pending.clear()
        self._last_arrival_ns = 0

    @property
    def closed(self) -> bool:
        return self._closed

    def __del__(self) -> None:
        # A bridge dropped without stop() must not leak two descriptors per call.
        if not getattr(self, "_closed", True):
            self.close()

    def close(self) -> None:
        """Close both ends (after the QAudioSource and the port are gone)."""
        if self._closed:
            return
        self._closed = True
        os.close(self._read_fd)
        os.close(self.write_fd)

    def _drain(self) -> None:
        if self._closed:
            return
        got = 0
        try:
            while True:
                chunk = os.read(self._read_fd, _READ_CHUNK_BYTES)
                if not chunk:
                    break
                self._pending += chunk
                got += len(chunk)
                if len(chunk) < _READ_CHUNK_BYTES:
                    break
        except BlockingIOError:
            pass  # nothing (more) captured since the last tick
        if got:
            now = time.perf_counter_ns()
            if self._last_arrival_ns:
                gap_ms = (now - self._last_arrival_ns) / 1e6
                if gap_ms > self.longest_arrival_gap_ms:
                    self.longest_arrival_gap_ms = gap_ms
            self._last_arrival_ns = now
        excess = len(self._pending) - self._max_fill
        if excess > 0:
            excess += excess % 2  # never split a sample
            del self._pending[:excess]
            self.dropped_bytes += excess


def _enlarge(fd: int) -> int:
    """Grow the pipe's kernel buffer where the platform allows; return its size."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
    get_size = getattr(fcntl, "F_GETPIPE_SZ", None)
    if set_size is None or get_size is None:
        return 0
    try:
        fcntl.fcntl(fd, set_size, PIPE_SIZE_BYTES)
    except OSError:
        pass  # above /proc/sys/fs/pipe-max-size: keep the default (64 KiB, 2 s of audio)
    return int(fcntl.fcntl(fd, get_size))
