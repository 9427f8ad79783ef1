"""The rings between Qt's audio thread and pjmedia's clock, and the frame copies."""

from __future__ import annotations

import threading

import pjsua2 as pj
import pytest

from telephony.audio.frame_bytes import FrameWriter, frame_to_bytes
from telephony.audio.pcm_ring_buffer import PcmRingBuffer


def test_bytes_come_out_in_order_across_the_wrap_around() -> None:
    ring = PcmRingBuffer(16)
    ring.write(b"abcdefghij")
    assert ring.read(6) == b"abcdef"
    ring.write(b"klmnopqrst")  # wraps past the end of the storage
    assert ring.available() == 14
    assert ring.read(14) == b"ghijklmnopqrst"
    assert ring.underruns == 0 and ring.overruns == 0


def test_a_late_reader_loses_the_oldest_audio_not_the_newest() -> None:
    ring = PcmRingBuffer(64, max_fill_bytes=8)
    ring.write(b"00112233")
    ring.write(b"4455")
    assert ring.read(8) == b"22334455"
    assert ring.overruns == 1 and ring.dropped_bytes == 4


def test_an_oversized_write_keeps_its_newest_part() -> None:
    ring = PcmRingBuffer(8)
    ring.write(b"0123456789ab")
    assert ring.read(8) == b"456789ab"
    assert ring.dropped_bytes == 4


def test_a_short_read_returns_what_there_is_and_counts_an_underrun() -> None:
    ring = PcmRingBuffer(32)
    ring.write(b"abcd")
    assert ring.read(10) == b"abcd"
    assert ring.read(10) == b""
    assert ring.underruns == 2


def test_samples_are_never_split_when_dropping() -> None:
    ring = PcmRingBuffer(64, max_fill_bytes=6)
    ring.write(b"AaBbCc")
    ring.write(b"D")  # odd chunk: one byte over the limit, a whole sample goes
    data = ring.read(64)
    assert data == b"BbCcD"


def test_capacity_must_hold_whole_samples() -> None:
    with pytest.raises(ValueError):
        PcmRingBuffer(15)


def test_concurrent_writer_and_reader_keep_the_byte_stream_intact() -> None:
    ring = PcmRingBuffer(6400, max_fill_bytes=6400)
    chunks = [bytes([i % 251]) * 160 for i in range(2000)]
    received = bytearray()
    done = threading.Event()

    def writer() -> None:
        for chunk in chunks:
            while ring.available() > 6400 - 160:
                pass  # a real writer never waits; here no byte may be dropped
            ring.write(chunk)
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    while not (done.is_set() and ring.available() == 0):
        received += ring.read(640)
    thread.join(timeout=10)
    assert bytes(received) == b"".join(chunks)
    assert ring.dropped_bytes == 0


def test_pjsua2_media_frames_round_trip_through_the_fast_copy() -> None:
    frame = pj.MediaFrame()
    assert frame_to_bytes(frame) == b""
    writer = FrameWriter(640)
    pcm = bytes(range(256)) * 2 + bytes(128)
    writer.fill(frame, pcm)
    assert frame.type == pj.PJMEDIA_FRAME_TYPE_AUDIO
    assert frame_to_bytes(frame) == pcm
    other = bytes(reversed(pcm))
    writer.fill(pj.MediaFrame(), other)  # the writer's buffer is reused...
    assert frame_to_bytes(frame) == pcm  # ...but a filled frame keeps its own copy
    with pytest.raises(ValueError):
        writer.fill(frame, b"\x01\x02")
