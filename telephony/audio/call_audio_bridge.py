"""Bridges one call's pjsua2 audio to the agent's headset through Qt Multimedia.

The pjsua2-python wheels have no sound-device backend (only the null device),
so pjsua2 runs on its null device and each call's ``AudioMedia`` is connected
both ways to a :class:`~telephony.audio.bridge_port.BridgeMediaPort`; the port
exchanges 20 ms frames of 16 kHz mono PCM with a QAudioSource (microphone) and a
QAudioSink (earpiece) opened on a dedicated Qt thread::

    headset mic -> QAudioSource -> OS pipe -> port.onFrameRequested -> call -> RTP
    RTP -> call -> port.onFrameReceived -> QAudioSink's buffer -> earpiece

Use: the engine gets a zero-argument factory (``lambda: CallAudioBridge(devices)``),
calls :meth:`start` with the call's audio media once it is active, :meth:`set_muted`
for mute, and :meth:`stop` before the call object is dropped (always before
``libDestroy``). Devices switch mid-call when the device manager says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pjsua2 as pj
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

from telephony.audio.bridge_port import (
    BridgeMediaPort,
    bridge_media_format,
    hand_to_clock_thread,
    wait_until_released,
)
from telephony.audio.device_choice import DeviceRole
from telephony.audio.device_manager import AudioDeviceManager
from telephony.audio.earpiece_feed import EarpieceFeed
from telephony.audio.mic_pipe import MicPipe, mic_pipe_supported
from telephony.audio.pcm_format import bytes_for_ms
from telephony.audio.pcm_ring_buffer import PcmRingBuffer
from telephony.audio.qt_audio_io import QtAudioIo
from telephony.audio.switch_interval import (
    hold_short_switch_interval,
    release_short_switch_interval,
)

# Microphone backlog: above 160 ms the oldest audio is dropped (clock drift between
# the sound card and pjmedia's clock must not grow latency); 320 ms of ring storage
# where there is no pipe.
RING_CAPACITY_MS = 320
RING_MAX_FILL_MS = 160
_THREAD_STOP_TIMEOUT_MS = 3000
# Disconnected ports get a heart-beat write every 20 ms; waiting longer than this
# for one means pjmedia's clock has stopped.
_PORT_RELEASE_TIMEOUT_S = 1.0


@dataclass(frozen=True)
class BridgeStats:
    """Counters of one bridge, for diagnostics and the audio benchmark."""

    frames_sent: int  # 20 ms frames handed to pjsua (microphone side)
    frames_received: int  # 20 ms frames taken from pjsua (earpiece side)
    mic_short_frames: int  # frames padded with silence: the microphone was late
    mic_dropped_bytes: int  # microphone audio dropped because pjsua was late
    earpiece_dropped_bytes: int  # far-end audio dropped because the device was late
    earpiece_starved: int  # times the earpiece ran dry mid-stream
    longest_mic_gap_ms: float  # worst wait between two deliveries of microphone audio
    callback_errors: int
    slowest_callback_us: int


class CallAudioBridge(QObject):
    """One call's audio between pjsua2 and the headset (see the module docstring)."""

    deviceFailed = Signal(str, str)  # role, Qt error name (forwarded from the Qt side)
    _openRequested = Signal(object, object)
    _closeRequested = Signal()

    def __init__(
        self,
        devices: AudioDeviceManager | None = None,
        *,
        capture: QAudioDevice | None = None,
        playback: QAudioDevice | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Use ``devices`` (following its hot-plug/switches), else the given or default devices."""
        super().__init__(parent)
        self._devices = devices
        self._fixed_capture = capture
        self._fixed_playback = playback
        self._mic: MicPipe | PcmRingBuffer = self._new_mic()
        self._earpiece = EarpieceFeed()
        self._port: BridgeMediaPort | None = None
        self._call_media: pj.AudioMedia | None = None
        self._thread: QThread | None = None
        self._io: QtAudioIo | None = None
        self._muted = False
        # Counters of the last port and Qt side, kept for stats() after stop().
        self._last_port_stats = (0, 0, 0, 0, 0)
        self._last_starved = 0
        self._last_gap = 0.0

    # -- the interface the SIP engine uses ------------------------------------------
    def start(self, call_audio_media: pj.AudioMedia) -> None:
        """Connect the call's audio both ways to the headset.

        Call it on every media-state change: when a re-INVITE (hold/resume, codec
        lock) gives the call a new conference slot, the port is moved over to it.
        """
        if self._port is None:
            self._start_qt_side()
            port = BridgeMediaPort(self._mic, self._earpiece)
            port.muted = self._muted
            port.createPort("hatif-headset", bridge_media_format())
            self._port = port
        elif self._call_media is not None:
            if self._call_media.getPortId() == call_audio_media.getPortId():
                return
            self._disconnect(self._port, self._call_media)
        call_audio_media.startTransmit(self._port)
        self._port.startTransmit(call_audio_media)
        self._call_media = call_audio_media

    def stop(self) -> None:
        """Disconnect from the call, release the port and close the devices."""
        port, media = self._port, self._call_media
        self._port = self._call_media = None
        if port is not None:
            if media is not None:
                self._disconnect(port, media)
            self._last_port_stats = self._port_stats(port)
            released = hand_to_clock_thread(port)
            del port  # the clock thread now holds the last reference
            wait_until_released(released, _PORT_RELEASE_TIMEOUT_S)
        self._stop_qt_side()

    def set_muted(self, muted: bool) -> None:
        """Send silence instead of the microphone (the far end still plays)."""
        self._muted = muted
        if self._port is not None:
            self._port.muted = muted

    # -- extras for the app, diagnostics and tests -----------------------------------
    def is_running(self) -> bool:
        return self._port is not None

    @property
    def mic_transport(self) -> str:
        """How the microphone reaches the port: "pipe" (no Python on Qt's side) or "ring"."""
        return "pipe" if isinstance(self._mic, MicPipe) else "ring"

    def stats(self) -> BridgeStats:
        port = self._port
        mic_short = sent = received = errors = slowest = 0
        if port is not None:
            sent, received = port.frames_requested, port.frames_received
            mic_short, errors, slowest = (
                port.mic_short_frames,
                port.callback_errors,
                port.slowest_callback_us,
            )
        else:
            sent, received, mic_short, errors, slowest = self._last_port_stats
        return BridgeStats(
            frames_sent=sent,
            frames_received=received,
            mic_short_frames=mic_short,
            mic_dropped_bytes=self._mic.dropped_bytes,
            earpiece_dropped_bytes=self._earpiece.dropped_bytes,
            earpiece_starved=self._io.earpiece_starved if self._io else self._last_starved,
            longest_mic_gap_ms=max(
                self._io.longest_tick_gap_ms if self._io else self._last_gap,
                self._mic.longest_arrival_gap_ms if isinstance(self._mic, MicPipe) else 0.0,
            ),
            callback_errors=errors,
            slowest_callback_us=slowest,
        )

    # -- internals -------------------------------------------------------------------
    @staticmethod
    def _disconnect(port: BridgeMediaPort, media: pj.AudioMedia) -> None:
        for source, sink in ((media, port), (port, media)):
            try:
                source.stopTransmit(sink)
            except pj.Error:
                pass  # the call's media is already gone: nothing to disconnect

    @staticmethod
    def _port_stats(port: BridgeMediaPort) -> tuple[int, int, int, int, int]:
        return (
            port.frames_requested,
            port.frames_received,
            port.mic_short_frames,
            port.callback_errors,
            port.slowest_callback_us,
        )

    def _current_devices(self) -> tuple[QAudioDevice, QAudioDevice]:
        if self._devices is not None:
            return (
                self._devices.device_for(DeviceRole.CAPTURE),
                self._devices.device_for(DeviceRole.PLAYBACK),
            )
        capture = self._fixed_capture or QMediaDevices.defaultAudioInput()
        playback = self._fixed_playback or QMediaDevices.defaultAudioOutput()
        return capture, playback

    def _on_active_devices_changed(self) -> None:
        if self._io is not None:
            self._openRequested.emit(*self._current_devices())

    @staticmethod
    def _new_mic() -> MicPipe | PcmRingBuffer:
        # The pipe keeps Python off the microphone's way in (see mic_pipe).
        if mic_pipe_supported():
            return MicPipe(bytes_for_ms(RING_MAX_FILL_MS))
        return PcmRingBuffer(bytes_for_ms(RING_CAPACITY_MS), bytes_for_ms(RING_MAX_FILL_MS))

    def _start_qt_side(self) -> None:
        hold_short_switch_interval()
        if isinstance(self._mic, MicPipe) and self._mic.closed:
            self._mic = self._new_mic()  # started again after stop(): a fresh pipe
        self._mic.clear()
        thread = QThread()
        thread.setObjectName("hatif-call-audio")
        io = QtAudioIo(self._mic, self._earpiece)
        io.moveToThread(thread)
        self._openRequested.connect(io.open)
        # Blocking: stop() returns only once the devices are closed on their thread.
        self._closeRequested.connect(io.close, Qt.ConnectionType.BlockingQueuedConnection)
        io.deviceFailed.connect(self.deviceFailed)
        thread.finished.connect(io.deleteLater)
        thread.start(QThread.Priority.TimeCriticalPriority)
        self._thread, self._io = thread, io
        if self._devices is not None:
            self._devices.activeDevicesChanged.connect(self._on_active_devices_changed)
            self._devices.begin_call_watch()
        self._openRequested.emit(*self._current_devices())

    def _stop_qt_side(self) -> None:
        thread, io = self._thread, self._io
        if thread is None or io is None:
            return
        if self._devices is not None:
            self._devices.end_call_watch()
            self._devices.activeDevicesChanged.disconnect(self._on_active_devices_changed)
        self._openRequested.disconnect(io.open)
        # Close the devices on their own thread and wait for it, then end the thread.
        self._closeRequested.emit()
        self._closeRequested.disconnect(io.close)
        self._last_starved = io.earpiece_starved
        self._last_gap = io.longest_tick_gap_ms
        thread.quit()
        thread.wait(_THREAD_STOP_TIMEOUT_MS)
        self._thread = self._io = None
        if isinstance(self._mic, MicPipe):
            self._mic.close()  # the QAudioSource writing into it is closed, the port gone
        release_short_switch_interval()
