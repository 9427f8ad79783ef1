"""The Qt side of the call audio bridge: headset microphone and earpiece streams.

Lives in its own QThread so a busy GUI thread never starves the audio devices.
One timer tick moves everything: what the QAudioSource (push mode) captured goes
into the microphone ring, and the QAudioSink (push mode) is topped up from the
earpiece ring. Few, larger transfers on purpose: every Python<->Qt crossing
re-acquires the GIL, and while the GUI thread runs Python each acquisition can
wait a whole interpreter switch interval. Only Qt calls happen here; the rings
are the only thing shared with pjmedia's clock thread.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QIODevice, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudio, QAudioDevice, QAudioSink, QAudioSource

from telephony.audio.pcm_format import bytes_for_ms, qt_pcm_format
from telephony.audio.pcm_ring_buffer import PcmRingBuffer

# Device-side buffering: enough to ride out a scheduling hiccup, small for latency.
SINK_BUFFER_MS = 60
SOURCE_BUFFER_MS = 40
TRANSFER_INTERVAL_MS = 10


class QtAudioIo(QObject):
    """Owns the QAudioSource/QAudioSink of one call; lives in the bridge's thread."""

    deviceFailed = Signal(str, str)  # "capture" | "playback", Qt error name

    def __init__(self, mic: PcmRingBuffer, earpiece: PcmRingBuffer) -> None:
        super().__init__()
        self._mic = mic
        self._earpiece = earpiece
        self._source: QAudioSource | None = None
        self._source_io: QIODevice | None = None
        self._sink: QAudioSink | None = None
        self._sink_io: QIODevice | None = None
        self._timer: QTimer | None = None
        self.earpiece_starved = 0  # times the earpiece ran dry while audio was flowing
        self.longest_tick_gap_ms = 0.0  # worst delay between two transfers (starvation)
        self._last_tick_ns = 0
        self._earpiece_flowing = False

    @Slot(object, object)
    def open(self, capture: QAudioDevice, playback: QAudioDevice) -> None:
        """(Re)open both streams on these devices (a null device leaves that side off)."""
        self.close()
        fmt = qt_pcm_format()
        if not capture.isNull():
            self._source = QAudioSource(capture, fmt, self)
            self._source.setBufferSize(bytes_for_ms(SOURCE_BUFFER_MS))
            self._source.stateChanged.connect(self._on_source_state)
            self._source_io = self._source.start()
        if not playback.isNull():
            self._sink = QAudioSink(playback, fmt, self)
            self._sink.setBufferSize(bytes_for_ms(SINK_BUFFER_MS))
            self._sink.stateChanged.connect(self._on_sink_state)
            self._sink_io = self._sink.start()
            self._earpiece.clear()
        if self._timer is None:
            self._timer = QTimer(self)
            self._timer.setInterval(TRANSFER_INTERVAL_MS)
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
            self._timer.timeout.connect(self._transfer)
        self._timer.start()

    @Slot()
    def close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._source is not None:
            self._source.stateChanged.disconnect(self._on_source_state)
            self._source.stop()
            self._source.deleteLater()
        if self._sink is not None:
            self._sink.stateChanged.disconnect(self._on_sink_state)
            self._sink.stop()
            self._sink.deleteLater()
        self._source = self._sink = None
        self._source_io = self._sink_io = None
        self._earpiece_flowing = False
        self._last_tick_ns = 0

    def _transfer(self) -> None:
        now = time.perf_counter_ns()
        if self._last_tick_ns:
            gap_ms = (now - self._last_tick_ns) / 1e6
            if gap_ms > self.longest_tick_gap_ms:
                self.longest_tick_gap_ms = gap_ms
        self._last_tick_ns = now
        source_io = self._source_io
        if source_io is not None:
            data = source_io.readAll().data()
            if data:
                self._mic.write(data)
        sink, sink_io = self._sink, self._sink_io
        if sink is None or sink_io is None:
            return
        free = sink.bytesFree()
        free -= free % 2
        if free <= 0:
            return
        data = self._earpiece.read(free)
        if data:
            sink_io.write(data)
            self._earpiece_flowing = True

    # The state comes from sink.state(): PySide6 6.10 cannot convert the
    # QAudio::State argument of stateChanged for a Python slot.
    def _on_sink_state(self) -> None:
        sink = self._sink
        if sink is None:
            return
        state = sink.state()
        if state == QAudio.State.IdleState and self._earpiece_flowing:
            self.earpiece_starved += 1
            self._earpiece_flowing = False
        if state == QAudio.State.StoppedState and sink.error() != QAudio.Error.NoError:
            self.deviceFailed.emit("playback", sink.error().name)

    def _on_source_state(self) -> None:
        source = self._source
        if source is None:
            return
        state = source.state()
        if state == QAudio.State.StoppedState and source.error() != QAudio.Error.NoError:
            self.deviceFailed.emit("capture", source.error().name)
