"""Helper processes that must not outlive Hatif (the demo server, the demo line).

On Linux the kernel can send a child SIGTERM when its parent ends, even when Hatif
is killed or crashes and cannot stop the child itself. Start such children from a
thread that lives as long as Hatif (the GUI thread): the signal follows the thread
that forked, not the process.
"""

from __future__ import annotations

import ctypes
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
# Resolved before any fork: the child between fork and exec should only call it.
_prctl = getattr(ctypes.CDLL(None), "prctl", None) if sys.platform.startswith("linux") else None


def _end_with_parent() -> None:
    """Runs in the child before exec."""
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def end_with_parent() -> Callable[[], None] | None:
    """The ``preexec_fn`` for ``subprocess.Popen`` that ties the child to Hatif (None
    where the platform has no such thing)."""
    return _end_with_parent if _prctl is not None else None
