"""Fast copies between Python bytes and pjsua2's ``MediaFrame.buf`` (a SWIG ByteVector).

The pjsua2 2.15 wheels expose ``MediaFrame.buf`` as a SWIG ``std::vector<unsigned
char>`` without the ``copy_to_bytearray`` helpers of newer pjproject releases.
Reading it element by element costs ~0.8 ms per 20 ms frame on the clock thread,
far too much for a callback that must stay tiny. Every mainstream C++ library
(libstdc++, libc++, MSVC) lays a vector out as three pointers (begin, end,
capacity end), so the bytes are reached through ctypes views of that memory.

Why views and not ``ctypes.memmove``/``string_at``: every foreign call (ctypes or
SWIG) releases the GIL and must win it back, which costs up to one interpreter
switch interval (5 ms) whenever the GUI thread is running Python. A callback
therefore makes as few such calls as possible: reading a frame costs no SWIG
call, writing one costs one (``frame.buf``); see ``FRAME_FAST_PATH``.

The layout is verified once at import with a known pattern; if it does not match
(an exotic build), the slow but safe element-wise path is used instead.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pjsua2 as pj

_POINTER = ctypes.sizeof(ctypes.c_void_p)


def _vector_span(vector: Any) -> tuple[int, int]:
    """(address of the first element, number of bytes) of a std::vector<unsigned char>."""
    return _span_at(int(vector.this))


def _span_at(base: int) -> tuple[int, int]:
    """(first element, size) of the std::vector<unsigned char> stored at ``base``."""
    begin = ctypes.c_void_p.from_address(base).value or 0
    end = ctypes.c_void_p.from_address(base + _POINTER).value or 0
    return begin, end - begin


def _layout_matches() -> bool:
    pattern = bytes(range(1, 200))
    vector = pj.ByteVector(pattern)
    try:
        address, size = _vector_span(vector)
        return (
            address != 0
            and size == len(pattern)
            and (ctypes.c_char * size).from_address(address).raw == pattern
        )
    except (ValueError, TypeError, OSError):
        return False


FAST_PATH = _layout_matches()

# pjsua2's MediaFrame is {pjmedia_type type; ByteVector buf; unsigned size}: the
# enum first, the vector at the next pointer-aligned offset. Reached through the
# proxy's own pointer (``frame.this``, a plain attribute), reading a frame costs
# no SWIG call at all and writing one costs one (``frame.buf``) instead of two.
_FRAME_BUF_OFFSET = max(ctypes.sizeof(ctypes.c_int), ctypes.alignment(ctypes.c_void_p))
_AUDIO = int(pj.PJMEDIA_FRAME_TYPE_AUDIO)


def _frame_layout_matches() -> bool:
    pattern = bytes(range(7, 90))
    frame = pj.MediaFrame()
    try:
        base = int(frame.this)
        frame.type = pj.PJMEDIA_FRAME_TYPE_NONE
        none_seen = ctypes.c_int.from_address(base).value
        frame.type = pj.PJMEDIA_FRAME_TYPE_AUDIO
        audio_seen = ctypes.c_int.from_address(base).value
        frame.buf = pj.ByteVector(pattern)
        address, size = _span_at(base + _FRAME_BUF_OFFSET)
        ctypes.c_int.from_address(base).value = int(pj.PJMEDIA_FRAME_TYPE_NONE)
        written_seen = frame.type
        return (
            none_seen == pj.PJMEDIA_FRAME_TYPE_NONE
            and audio_seen == _AUDIO
            and written_seen == pj.PJMEDIA_FRAME_TYPE_NONE
            and size == len(pattern)
            and (ctypes.c_char * size).from_address(address).raw == pattern
        )
    except (ValueError, TypeError, OSError, AttributeError):
        return False


FRAME_FAST_PATH = FAST_PATH and _frame_layout_matches()


def frame_to_bytes(frame: Any) -> bytes:
    """The PCM bytes carried by a pjsua2 ``MediaFrame`` (empty for a frame without audio)."""
    if FRAME_FAST_PATH:
        address, size = _span_at(int(frame.this) + _FRAME_BUF_OFFSET)
        return (ctypes.c_char * size).from_address(address).raw if size > 0 else b""
    vector = frame.buf
    if FAST_PATH:
        address, size = _vector_span(vector)
        return (ctypes.c_char * size).from_address(address).raw if size > 0 else b""
    return bytes(vector)


class FrameWriter:
    """Fills pjsua2 ``MediaFrame`` objects with fixed-size PCM frames.

    Keeps one ByteVector of ``frame_bytes`` whose memory is written in place; pjsua2
    copies it into the frame. Used from one thread only (pjmedia's clock).
    """

    def __init__(self, frame_bytes: int) -> None:
        self._size = frame_bytes
        self._vector = pj.ByteVector(bytes(frame_bytes))
        if FAST_PATH:
            address, _ = _vector_span(self._vector)
            self._view: Any = (ctypes.c_char * frame_bytes).from_address(address)

    def fill(self, frame: Any, data: bytes) -> None:
        """Make ``frame`` an audio frame carrying ``data`` (exactly ``frame_bytes`` long)."""
        if len(data) != self._size:
            raise ValueError(f"frame must be {self._size} bytes, got {len(data)}")
        if FRAME_FAST_PATH:
            ctypes.c_int.from_address(int(frame.this)).value = _AUDIO
        else:
            frame.type = pj.PJMEDIA_FRAME_TYPE_AUDIO
        if FAST_PATH:
            self._view[:] = data
            frame.buf = self._vector
        else:
            frame.buf = pj.ByteVector(data)
