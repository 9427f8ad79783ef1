"""Crash reports next to the logs, and telling the user about them at the next start.

Each run opens ``crash-<time>-<pid>.txt`` in the crash directory and points
:mod:`faulthandler` at it, so a segfault in Qt or pjsua2 leaves the Python
stack of every thread there; an uncaught Python exception is written there
too. A run that ends normally deletes its empty file. At the next start,
:func:`collect_previous_crashes` finds the non-empty files of earlier runs,
renames them to ``…-reported.txt`` (so each is announced once) and returns
their paths for the log, the console and the window.
"""

from __future__ import annotations

import atexit
import faulthandler
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TextIO

CRASH_GLOB = "crash-*.txt"
REPORTED_SUFFIX = "-reported.txt"
_STALE_EMPTY_SECONDS = 7 * 24 * 3600  # empty files of killed runs are dropped after a week

_log = logging.getLogger(__name__)


@dataclass
class CrashHandler:
    """The open crash file of this run; ``close`` removes it when nothing was written."""

    path: Path
    stream: TextIO
    _previous_hook: Callable[..., object]

    def close(self) -> None:
        if self.stream.closed:
            return
        faulthandler.disable()
        sys.excepthook = self._previous_hook  # type: ignore[assignment]
        self.stream.close()
        try:
            if self.path.stat().st_size == 0:
                self.path.unlink()
        except OSError:
            pass


def collect_previous_crashes(crash_dir: Path) -> list[Path]:
    """Reports left by earlier runs, renamed ``…-reported.txt``; newest first."""
    if not crash_dir.is_dir():
        return []
    found: list[Path] = []
    now = time.time()
    for path in crash_dir.glob(CRASH_GLOB):
        if path.name.endswith(REPORTED_SUFFIX):
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        if stat.st_size == 0:
            # Another Hatif process may be running with this file open: keep recent ones.
            if now - stat.st_mtime > _STALE_EMPTY_SECONDS:
                path.unlink(missing_ok=True)
            continue
        reported = path.with_name(path.name[: -len(".txt")] + REPORTED_SUFFIX)
        try:
            path.replace(reported)
        except OSError:
            reported = path
        found.append(reported)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def install_crash_handler(crash_dir: Path,
                          redact: Callable[[str], str] = lambda text: text) -> CrashHandler:
    """Open this run's crash file and route fatal signals and uncaught exceptions to it.

    Tracebacks go through ``redact`` (the logs' redactor) because an exception's
    message or locals may carry a token or password; faulthandler's C-level dump
    holds only frames, no values."""
    crash_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = crash_dir / f"crash-{stamp}-{os.getpid()}.txt"
    stream = path.open("w", encoding="utf-8")
    faulthandler.enable(file=stream, all_threads=True)
    previous = sys.excepthook

    def write_uncaught(kind: type[BaseException], error: BaseException,
                       tb: TracebackType | None) -> None:
        if not stream.closed:
            stream.write(f"Uncaught exception at {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
            stream.write(redact("".join(traceback.format_exception(kind, error, tb))))
            stream.flush()
        _log.critical("Uncaught exception; crash report in %s", path,
                      exc_info=(kind, error, tb))
        previous(kind, error, tb)

    sys.excepthook = write_uncaught
    handler = CrashHandler(path, stream, previous)
    atexit.register(handler.close)
    return handler
