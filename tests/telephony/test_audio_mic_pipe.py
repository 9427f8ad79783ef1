"""The microphone pipe between Qt's capture and pjmedia's clock, and the port reading it."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pjsua2 as pj
import pytest

from telephony.audio.bridge_port import BridgeMediaPort
from telephony.audio.earpiece_feed import EarpieceFeed
from telephony.audio.frame_bytes import FrameWriter, frame_to_bytes
from telephony.audio.mic_pipe import PIPE_SIZE_BYTES, MicPipe, mic_pipe_supported
from telephony.audio.pcm_format import FRAME_BYTES

pytestmark = pytest.mark.skipif(not mic_pipe_supported(), reason="no os.pipe2 here")


@pytest.fixture
def pipe() -> Iterator[MicPipe]:
    mic = MicPipe(max_fill_bytes=8)
    yield mic
    mic.close()


def test_what_qt_writes_comes_out_in_order(pipe: MicPipe) -> None:
    os.write(pipe.write_fd, b"0011")
    os.write(pipe.write_fd, b"22")
    assert pipe.available() == 6
    assert pipe.read(4) == b"0011"
    os.write(pipe.write_fd, b"33")
    assert pipe.read(4) == b"2233"  # a read drains what arrived since
    assert pipe.dropped_bytes == 0


def test_a_late_reader_loses_the_oldest_audio_not_the_newest(pipe: MicPipe) -> None:
    os.write(pipe.write_fd, b"001122334455")
    assert pipe.available() == 8
    assert pipe.read(8) == b"22334455"
    assert pipe.dropped_bytes == 4


def test_a_short_read_returns_what_there_is_without_blocking(pipe: MicPipe) -> None:
    assert pipe.read(4) == b""  # nothing captured yet: no error, no blocking
    os.write(pipe.write_fd, b"01")
    assert pipe.read(4) == b"01"


def test_samples_are_never_split_when_dropping() -> None:
    mic = MicPipe(max_fill_bytes=6)
    try:
        os.write(mic.write_fd, b"0123456")  # an odd backlog: drop 2, not 1
        assert mic.available() == 5
        assert mic.read(5) == b"23456"
    finally:
        mic.close()


def test_clear_forgets_what_was_captured(pipe: MicPipe) -> None:
    os.write(pipe.write_fd, b"0011")
    pipe.clear()
    assert pipe.available() == 0


def test_the_fill_limit_must_hold_whole_samples() -> None:
    with pytest.raises(ValueError):
        MicPipe(max_fill_bytes=7)


def test_a_closed_pipe_gives_silence_and_closes_once(pipe: MicPipe) -> None:
    pipe.close()
    pipe.close()
    assert pipe.closed
    assert pipe.available() == 0
    assert pipe.read(4) == b""


def test_a_dropped_pipe_gives_its_descriptors_back() -> None:
    before = len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").exists() else None
    for _ in range(200):
        MicPipe(max_fill_bytes=640)  # never closed by hand
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) <= before + 2


def test_seconds_of_capture_fit_while_nobody_reads(pipe: MicPipe) -> None:
    # A QAudioSource whose write fails stops with an I/O error: the pipe must take
    # what the microphone captures while pjsua does not ask (a call on hold).
    max_size = Path("/proc/sys/fs/pipe-max-size")
    if max_size.exists() and int(max_size.read_text()) >= PIPE_SIZE_BYTES:
        assert pipe.pipe_size_bytes >= PIPE_SIZE_BYTES
    second = bytes(32_000)  # one second of 16 kHz mono s16
    for _ in range(pipe.pipe_size_bytes // len(second)):
        assert os.write(pipe.write_fd, second) == len(second)


def test_a_writer_thread_and_the_reader_keep_the_byte_stream_intact() -> None:
    mic = MicPipe(max_fill_bytes=1 << 20)
    chunks = [bytes([n % 251]) * 320 for n in range(2000)]
    expected = b"".join(chunks)

    def write_all() -> None:
        for chunk in chunks:
            os.write(mic.write_fd, chunk)

    writer = threading.Thread(target=write_all)
    writer.start()
    received = bytearray()
    while len(received) < len(expected):
        received += mic.read(FRAME_BYTES)
    writer.join()
    mic.close()
    assert bytes(received) == expected
    assert mic.dropped_bytes == 0


def _audio_frame(pcm: bytes) -> pj.MediaFrame:
    frame = pj.MediaFrame()
    FrameWriter(len(pcm)).fill(frame, pcm)
    return frame


def test_the_port_sends_the_microphone_after_a_40_ms_cushion() -> None:
    mic = MicPipe(max_fill_bytes=8 * FRAME_BYTES)
    port = BridgeMediaPort(mic, EarpieceFeed())
    try:
        first, second = b"\x01\x00" * (FRAME_BYTES // 2), b"\x02\x00" * (FRAME_BYTES // 2)
        os.write(mic.write_fd, first)
        frame = pj.MediaFrame()
        port.onFrameRequested(frame)
        assert frame_to_bytes(frame) == bytes(FRAME_BYTES)  # still building the cushion
        os.write(mic.write_fd, second)
        port.onFrameRequested(frame)
        assert frame_to_bytes(frame) == first
        port.onFrameRequested(frame)
        assert frame_to_bytes(frame) == second
        assert port.callback_errors == 0
    finally:
        mic.close()


def test_the_port_keeps_the_pipe_flowing_while_pjsua_does_not_ask_for_the_microphone() -> None:
    mic = MicPipe(max_fill_bytes=2 * FRAME_BYTES)
    port = BridgeMediaPort(mic, EarpieceFeed())
    try:
        far_end = _audio_frame(bytes(FRAME_BYTES))
        port.onFrameReceived(far_end)  # a normal tick would request a frame first
        for tick in range(50):  # one second on hold: only writes, no requests
            os.write(mic.write_fd, bytes([tick]) * FRAME_BYTES)
            port.onFrameReceived(far_end)
        # Drained as it came: only the newest audio is kept, nothing waits in the pipe.
        assert mic.dropped_bytes == 48 * FRAME_BYTES
        os.write(mic.write_fd, bytes([99]) * FRAME_BYTES)
        frame = pj.MediaFrame()
        port.onFrameRequested(frame)  # the call is back: the newest audio goes out
        assert frame_to_bytes(frame) == bytes([49]) * FRAME_BYTES  # 48 fell out of the cushion
        assert port.callback_errors == 0
    finally:
        mic.close()
