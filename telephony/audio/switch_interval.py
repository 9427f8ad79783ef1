"""A short interpreter switch interval while call audio flows.

The audio path runs Python on pjmedia's clock thread (the port callbacks, every
20 ms; also the bridge's Qt thread where the microphone has no pipe). Each entry
into Python, and each return from a C call (SWIG or Qt), must win the GIL back.
While the GUI thread runs pure Python, CPython hands the GIL over only when the
holder has had it for a whole switch interval (5 ms by default), so a callback
making three such crossings could wait 15 ms of its 20 ms frame, and a busy GUI
turned into audible gaps. With 0.5 ms the same crossings cost about
1.5 ms. Only contended hand-overs get more frequent, so the GUI thread loses
almost nothing; the default comes back when the last call's audio stops.
"""

from __future__ import annotations

import sys
import threading

AUDIO_SWITCH_INTERVAL_S = 0.0005

_lock = threading.Lock()
_holders = 0
_saved_interval = 0.0


def hold_short_switch_interval() -> None:
    """One more audio stream needs a short switch interval (pair with release)."""
    global _holders, _saved_interval
    with _lock:
        if _holders == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved_interval, AUDIO_SWITCH_INTERVAL_S))
        _holders += 1


def release_short_switch_interval() -> None:
    """An audio stream stopped; the last one restores the previous interval."""
    global _holders
    with _lock:
        if _holders == 0:
            return
        _holders -= 1
        if _holders == 0:
            sys.setswitchinterval(_saved_interval)
