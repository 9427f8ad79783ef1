"""The Qt side of the call audio bridge: headset microphone and earpiece streams.

Lives in its own QThread, and runs no Python while audio flows, so neither a busy
GUI thread nor the GIL can hold the devices up:

* microphone: the QAudioSource writes what it captures into a ``QFile`` over the
  write end of a :class:`~telephony.audio.mic_pipe.MicPipe` (push mode, all inside
  Qt); the port drains the read end. Where pipes are not available, a timer moves
  what the QAudioSource captured into a ring instead (one Qt call per tick; a
  Python QIODevice for a QAudioSource crashes PySide6 6.10).
* earpiece: the QAudioSink runs in push mode; the device it hands out is given to
  the :class:`~telephony.audio.earpiece_feed.EarpieceFeed`, which pjmedia's clock
  thread writes into, and taken back before the sink stops.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QFile, QFileDevice, QIODevice, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudio, QAudioDevice, QAudioSink, QAudioSource

from telephony.audio.earpiece_feed import EarpieceFeed
from telephony.audio.mic_pipe import MicPipe
from telephony.audio.pcm_format import bytes_for_ms, qt_pcm_format
from telephony.audio.pcm_ring_buffer import PcmRingBuffer

# Device-side buffering: enough to ride out a scheduling hiccup, small for latency.
SINK_BUFFER_MS = 60
SOURCE_BUFFER_MS = 40
MIC_TRANSFER_INTERVAL_MS = 20  # fewer GIL entries; the 40 ms prebuffer covers it


class QtAudioIo(QObject):
    """Owns the QAudioSource/QAudioSink of one call; lives in the bridge's thread."""

    deviceFailed = Signal(str, str)  # "capture" | "playback", Qt error name

    def __init__(self, mic: MicPipe | PcmRingBuffer, earpiece: EarpieceFeed) -> None:
        super().__init__()
        self._mic = mic
        self._earpiece = earpiece
        self._source: QAudioSource | None = None
        self._source_io: QIODevice | None = None
        self._mic_file: QFile | None = None
        self._sink: QAudioSink | None = None
        self._timer: QTimer | None = None
        self.earpiece_starved = 0  # times the earpiece ran dry while audio was flowing
        self._longest_mic_gap_ms = 0.0
        self._last_tick_ns = 0

    @property
    def longest_tick_gap_ms(self) -> float:
        """Worst wait between two microphone transfers (timer mode only)."""
        return self._longest_mic_gap_ms

    @Slot(object, object)
    def open(self, capture: QAudioDevice, playback: QAudioDevice) -> None:
        """(Re)open both streams on these devices (a null device leaves that side off)."""
        self.close()
        fmt = qt_pcm_format()
        if not capture.isNull():
            self._source = QAudioSource(capture, fmt, self)
            self._source.setBufferSize(bytes_for_ms(SOURCE_BUFFER_MS))
            self._source.stateChanged.connect(self._on_source_state)
            if isinstance(self._mic, MicPipe):
                self._start_source_into_pipe(self._source, self._mic)
            else:
                self._start_source_with_timer(self._source)
        if not playback.isNull():
            self._sink = QAudioSink(playback, fmt, self)
            self._sink.setBufferSize(bytes_for_ms(SINK_BUFFER_MS))
            self._sink.stateChanged.connect(self._on_sink_state)
            earpiece_io = self._sink.start()
            if earpiece_io is not None:
                self._earpiece.attach(earpiece_io)

    def _start_source_into_pipe(self, source: QAudioSource, pipe: MicPipe) -> None:
        mic_file = QFile(self)
        # Unbuffered: each capture goes to the pipe at once. DontCloseHandle: the
        # pipe outlives a device switch, its owner closes it.
        mic_file.open(
            pipe.write_fd,
            QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Unbuffered,
            QFileDevice.FileHandleFlag.DontCloseHandle,
        )
        self._mic_file = mic_file
        source.start(mic_file)

    def _start_source_with_timer(self, source: QAudioSource) -> None:
        self._source_io = source.start()
        if self._timer is None:
            self._timer = QTimer(self)
            self._timer.setInterval(MIC_TRANSFER_INTERVAL_MS)
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
            self._timer.timeout.connect(self._transfer_mic)
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
            # The clock thread lets go of the sink's device before the sink goes.
            self._earpiece.detach()
            self._sink.stateChanged.disconnect(self._on_sink_state)
            self._sink.stop()
            self._sink.deleteLater()
        mic_file, self._mic_file = self._mic_file, None
        if mic_file is not None:
            mic_file.close()  # leaves the descriptor open (DontCloseHandle)
            mic_file.deleteLater()
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
            if data and isinstance(self._mic, PcmRingBuffer):
                self._mic.write(data)

    # The state comes from sink.state(): PySide6 6.10 cannot convert the
    # QAudio::State argument of stateChanged for a Python slot.
    def _on_sink_state(self) -> None:
        sink = self._sink
        if sink is None:
            return
        state = sink.state()
        if state == QAudio.State.IdleState and self._earpiece.written:
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
