"""Runs slow work off the GUI thread and calls back on it.

Windows never block on the network or the disk: they hand a function to the
``OperationRunner``, which runs it on a worker thread of a ``QThreadPool`` and
delivers the result (or the exception) to ``on_success`` / ``on_failure`` on
the thread that owns the runner (the GUI thread).  This mirrors what Anki's
``CollectionOp`` / ``TaskManager`` do, without any global.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class _Pending(Generic[T]):
    """Callbacks waiting for one operation to finish."""

    on_success: Callable[[T], None] | None
    on_failure: Callable[[Exception], None] | None


class _Job(QRunnable):
    """One unit of work; reports back through the runner's signal."""

    def __init__(self, runner: OperationRunner, job_id: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._job_id = job_id
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self._work()
        except Exception as exc:  # reported to the caller, never swallowed
            self._report(False, exc)
            return
        self._report(True, result)

    def _report(self, ok: bool, payload: object) -> None:
        try:
            self._runner._finished.emit(self._job_id, ok, payload)
        except RuntimeError:
            # The runner was destroyed at shutdown: nobody is left to tell.
            log.debug("operation %d finished after its runner closed", self._job_id)


class OperationRunner(QObject):
    """Runs callables on worker threads; callbacks arrive on the owner's thread.

    ``busy_changed`` lets a window show a spinner while something runs.
    ``failed`` announces failures nobody handled, so they are never silent.
    """

    busy_changed = Signal(bool)
    failed = Signal(str)
    _finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pending: dict[int, _Pending[Any]] = {}
        self._lock = threading.Lock()
        self._next_id = 0
        self._closed = False
        self._finished.connect(self._deliver)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Start ``work`` on a worker thread (ignored once the runner is shut down)."""
        if self._closed:
            log.debug("operation refused: the runner is shut down")
            return
        with self._lock:
            self._next_id += 1
            job_id = self._next_id
            self._pending[job_id] = _Pending(on_success, on_failure)
            first = len(self._pending) == 1
        if first:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self, job_id, work))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until every worker finished (tests and shutdown only)."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Take no more work and wait for what runs (before closing what it uses)."""
        self._closed = True
        return self._pool.waitForDone(timeout_ms)

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        with self._lock:
            pending = self._pending.pop(job_id, None)
            idle = not self._pending
        if pending is None:
            return
        try:
            if ok:
                if pending.on_success is not None:
                    pending.on_success(payload)
            else:
                assert isinstance(payload, Exception)
                if pending.on_failure is not None:
                    pending.on_failure(payload)
                else:
                    log.error("operation failed", exc_info=payload)
                    self.failed.emit(str(payload))
        finally:
            if idle:
                self.busy_changed.emit(False)
