"""PCM in and out of pjsua2 MediaFrames through the memory shortcuts the port uses."""

from __future__ import annotations

import pjsua2 as pj

from telephony.audio.frame_bytes import FAST_PATH, FRAME_FAST_PATH, FrameWriter, frame_to_bytes
from telephony.audio.pcm_format import FRAME_BYTES


def test_the_shortcuts_are_in_use_on_this_build() -> None:
    # Without them every frame costs extra GIL round trips on pjmedia's clock thread.
    assert FAST_PATH and FRAME_FAST_PATH


def test_a_filled_frame_carries_the_pcm_as_audio_and_reads_back() -> None:
    writer = FrameWriter(FRAME_BYTES)
    pcm = bytes(index % 251 for index in range(FRAME_BYTES))
    frame = pj.MediaFrame()
    writer.fill(frame, pcm)
    assert frame.type == pj.PJMEDIA_FRAME_TYPE_AUDIO  # what pjsua2 reads through SWIG
    assert bytes(frame.buf) == pcm
    assert frame_to_bytes(frame) == pcm
    # The writer's vector is reused: the next frame must not change the first.
    writer.fill(pj.MediaFrame(), bytes(FRAME_BYTES))
    assert frame_to_bytes(frame) == pcm


def test_a_frame_without_audio_reads_as_empty() -> None:
    assert frame_to_bytes(pj.MediaFrame()) == b""
