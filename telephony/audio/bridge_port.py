"""The pjsua2 media port of the call audio bridge (runs on pjmedia's clock thread).

pjsua2 calls :meth:`onFrameRequested` (give pjsua the microphone's next 20 ms)
and :meth:`onFrameReceived` (the far end's 20 ms, for the earpiece) from the
conference bridge's clock thread. Both are kept tiny: the microphone side drains
the pipe with one non-blocking read when its cushion runs low, the earpiece side
is one write into the QAudioSink's buffer; no lock, no logging, no exception
escaping into C++ (a Python exception in a SWIG director would abort the clock
thread), and as few calls into C as possible (each one gives the GIL away and
must win it back).
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pjsua2 as pj

from telephony.audio.earpiece_feed import EarpieceFeed
from telephony.audio.frame_bytes import FrameWriter, frame_to_bytes
from telephony.audio.mic_pipe import MicPipe
from telephony.audio.pcm_format import (
    BYTES_PER_SAMPLE,
    CHANNELS,
    FRAME_BYTES,
    FRAME_MS,
    SAMPLE_RATE_HZ,
)
from telephony.audio.pcm_ring_buffer import PcmRingBuffer

_SILENCE = bytes(FRAME_BYTES)
# Microphone audio held back before frames are handed to pjsua: the Qt side
# delivers in bursts (device fragments, GIL hand-offs), pjmedia asks every 20 ms
# on the dot; a 40 ms cushion turns that jitter into a fixed delay, not gaps.
MIC_PREBUFFER_BYTES = 2 * FRAME_BYTES

# Ports handed to pjmedia's clock thread for release (see hand_to_clock_thread): the only
# reference left, dropped from inside the port's own callback.
_releasing: set[BridgeMediaPort] = set()


def bridge_media_format() -> pj.MediaFormatAudio:
    """16 kHz mono 16-bit PCM in 20 ms frames, the conference bridge's own format."""
    fmt = pj.MediaFormatAudio()
    fmt.init(pj.PJMEDIA_FORMAT_PCM, SAMPLE_RATE_HZ, CHANNELS, FRAME_MS * 1000, 8 * BYTES_PER_SAMPLE)
    return fmt


class BridgeMediaPort(pj.AudioMediaPort):
    """Moves PCM between the rings and pjsua2's conference bridge."""

    def __init__(self, mic: MicPipe | PcmRingBuffer, earpiece: EarpieceFeed) -> None:
        super().__init__()
        self._mic = mic
        self._earpiece = earpiece
        # Plain attributes: a bool/int store is atomic under the GIL.
        self.muted = False
        self._mic_primed = False
        self._writer = FrameWriter(FRAME_BYTES)
        self.callbacks = 0  # every entry, audio or not (to see when pjsua has let go)
        self.frames_requested = 0
        self.frames_received = 0
        self._requested_at_last_receive = 0
        self.mic_short_frames = 0
        self.callback_errors = 0
        self.slowest_callback_us = 0
        self._released: threading.Event | None = None

    def onFrameRequested(self, frame: Any) -> None:
        self.callbacks += 1
        started = time.perf_counter_ns()
        try:
            if not self._mic_primed:
                self._mic_primed = self._mic.available() >= MIC_PREBUFFER_BYTES
            if self._mic_primed:
                data = self._mic.read(FRAME_BYTES)
                if len(data) < FRAME_BYTES:
                    # The microphone fell behind: pad, then build the cushion again.
                    self._mic_primed = False
                    self.mic_short_frames += 1
                    data = data + _SILENCE[len(data) :]
            else:
                data = _SILENCE
            if self.muted:
                data = _SILENCE  # mute cuts the microphone here, the ring keeps draining
            self._writer.fill(frame, data)
            self.frames_requested += 1
        except BaseException:  # never let an exception reach the C++ director
            self.callback_errors += 1
        self._note_duration(started)

    def onFrameReceived(self, frame: Any) -> None:
        self.callbacks += 1
        started = time.perf_counter_ns()
        try:
            # No frame.type check: a frame without audio carries no bytes, and every
            # SWIG call here costs a GIL round trip.
            data = frame_to_bytes(frame)
            if data:
                self._earpiece.write(data)
                self.frames_received += 1
            if self.frames_requested == self._requested_at_last_receive:
                # pjsua stopped asking for the microphone (call on hold): keep the
                # capture flowing away, or the pipe would fill and Qt's writes fail.
                self._mic.available()
            self._requested_at_last_receive = self.frames_requested
        except BaseException:
            self.callback_errors += 1
        self._note_duration(started)
        released = self._released
        if released is not None:
            # This write is the port's last call of the clock tick. The reference
            # held by this call is the last one, so the port is destroyed as the
            # call returns; the removal it queues runs before the next tick.
            _releasing.discard(self)
            released.set()

    def _note_duration(self, started_ns: int) -> None:
        elapsed_us = (time.perf_counter_ns() - started_ns) // 1000
        if elapsed_us > self.slowest_callback_us:
            self.slowest_callback_us = elapsed_us


def hand_to_clock_thread(port: BridgeMediaPort) -> threading.Event:
    """Have pjmedia's clock thread destroy ``port`` (already disconnected).

    Since pjsip 2.14 the conference bridge removes a port asynchronously: the
    C++ destructor only queues the removal and frees the port at once, while the
    clock tick in progress may still call it (a use-after-free that aborts the
    process). Released from its own ``onFrameReceived`` (the conference writes to
    ports after reading from all of them, so no other call of that tick follows),
    the port's queued removal runs before it could be called again.

    The caller must drop its own references to ``port`` at once, then call
    :func:`wait_until_released` with the event returned.
    """
    released = threading.Event()
    _releasing.add(port)
    port._released = released
    return released


def wait_until_released(released: threading.Event, timeout_s: float) -> None:
    """Wait for the clock thread to destroy the port; destroy it here if the clock
    has stopped (disconnected ports still get a heart-beat write every 20 ms, so no
    write within ``timeout_s`` means nothing calls the port any more)."""
    if released.wait(timeout_s):
        return
    for stale in [port for port in _releasing if port._released is released]:
        _releasing.discard(stale)
