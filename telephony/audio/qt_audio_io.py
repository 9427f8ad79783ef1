"""The Qt side of the call audio bridge: headset microphone and earpiece streams.

Lives in its own QThread so a busy GUI thread never starves the audio devices.
The earpiece runs in pull mode: the QAudioSink reads the earpiece ring through a
:class:`~telephony.audio.ring_io_devices.RingReader` whenever its device buffer
has room (about every 20 ms), one entry into Python per transfer. The microphone
runs in push mode (a Python QIODevice for a QAudioSource crashes PySide6 6.10): a
timer moves what the QAudioSource captured into the microphone ring, with one
Qt call per tick. Few crossings on purpose: every Python<->Qt crossing must win
the GIL back, which is what a GUI thread busy running Python makes expensive.
Only Qt calls happen here; the rings are the only thing shared with pjmedia's
clock thread.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QIODevice, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudio, QAudioDevice, QAudioSink, QAudioSource

from telephony.audio.pcm_format import bytes_for_ms, qt_pcm_format
from telephony.audio.pcm_ring_buffer import PcmRingBuffer
from telephony.audio.ring_io_devices import RingReader

# Device-side buffering: enough to ride out a scheduling hiccup, small for latency.
SINK_BUFFER_MS = 60
SOURCE_BUFFER_MS = 40
MIC_TRANSFER_INTERVAL_MS = 20  # fewer GIL entries; the 40 ms prebuffer covers it


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
        self._reader: RingReader | None = None
        self._timer: QTimer | None = None
        self.earpiece_starved = 0  # times the earpiece ran dry while audio was flowing
        self._longest_mic_gap_ms = 0.0
        self._longest_closed_pull_gap_ms = 0.0
        self._last_tick_ns = 0

    @property
    def longest_tick_gap_ms(self) -> float:
        """Worst wait between two transfers on either side (device starvation)."""
        reader = self._reader
        pulls = reader.longest_pull_gap_ms if reader is not None else 0.0
        return max(self._longest_mic_gap_ms, self._longest_closed_pull_gap_ms, pulls)

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
            if self._timer is None:
                self._timer = QTimer(self)
                self._timer.setInterval(MIC_TRANSFER_INTERVAL_MS)
                self._timer.setTimerType(Qt.TimerType.PreciseTimer)
                self._timer.timeout.connect(self._transfer_mic)
            self._timer.start()
        if not playback.isNull():
            self._earpiece.clear()
            self._reader = RingReader(self._earpiece, self)
            self._reader.open(QIODevice.OpenModeFlag.ReadOnly)
            self._sink = QAudioSink(playback, fmt, self)
            self._sink.setBufferSize(bytes_for_ms(SINK_BUFFER_MS))
            self._sink.stateChanged.connect(self._on_sink_state)
            self._sink.start(self._reader)

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
        reader, self._reader = self._reader, None
        if reader is not None:
            self._longest_closed_pull_gap_ms = max(
                self._longest_closed_pull_gap_ms, reader.longest_pull_gap_ms
            )
            reader.close()
            reader.deleteLater()
        self._source = self._sink = None
        self._source_io = None
        self._last_tick_ns = 0

    def _transfer_mic(self) -> None:
        now = time.perf_counter_ns()
        if self._last_tick_ns:
            gap_ms = (now - self._last_tick_ns) / 1e6
            if gap_ms > self._longest_mic_gap_ms:
                self._longest_mic_gap_ms = gap_ms
        self._last_tick_ns = now
        source_io = self._source_io
        if source_io is not None:
            # bytes() reads the QByteArray through the buffer protocol: no second Qt call.
            data = bytes(source_io.readAll())  # type: ignore[call-overload]
            if data:
                self._mic.write(data)

    # The state comes from sink.state(): PySide6 6.10 cannot convert the
    # QAudio::State argument of stateChanged for a Python slot.
    def _on_sink_state(self) -> None:
        sink = self._sink
        if sink is None:
            return
        state = sink.state()
        if state == QAudio.State.IdleState and self._reader is not None and self._reader.pulled:
            self.earpiece_starved += 1  # the far end's audio stopped arriving in time
        if state == QAudio.State.StoppedState and sink.error() != QAudio.Error.NoError:
            self.deviceFailed.emit("playback", sink.error().name)

    def _on_source_state(self) -> None:
        source = self._source
        if source is None:
            return
        state = source.state()
        if state == QAudio.State.StoppedState and source.error() != QAudio.Error.NoError:
            self.deviceFailed.emit("capture", source.error().name)
