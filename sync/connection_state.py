"""Connection state of the desktop as Qt signals the status bar can show.

Online or offline (and since when), how many ops wait in the outbox, and the
last error in words. Setters may be called from any sync thread; PySide6 queues
the signals to receivers living in the GUI thread.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal


class ConnectionState(QObject):
    """Observable online/offline/pending/error state; only emits on a real change."""

    onlineChanged = Signal(bool)
    #: datetime (UTC) since when the server is unreachable, or None when online.
    offlineSinceChanged = Signal(object)
    pendingCountChanged = Signal(int)
    #: (code, English message); ("", "") once the error is cleared.
    lastErrorChanged = Signal(str, str)
    #: The server refused the token (401): the app must log in again; the outbox is kept.
    loginRequired = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._online = False
        self._offline_since: datetime | None = datetime.now(UTC)
        self._pending = 0
        self._error: tuple[str, str] = ("", "")
        self._login_required = False

    @property
    def online(self) -> bool:
        return self._online

    @property
    def offline_since(self) -> datetime | None:
        return self._offline_since

    @property
    def pending_count(self) -> int:
        return self._pending

    @property
    def last_error(self) -> tuple[str, str]:
        """(code, message) of the last error, ("", "") if none."""
        return self._error

    @property
    def needs_login(self) -> bool:
        return self._login_required

    def set_online(self) -> None:
        with self._lock:
            changed = not self._online
            self._online = True
            self._offline_since = None
        if changed:
            self.onlineChanged.emit(True)
            self.offlineSinceChanged.emit(None)

    def set_offline(self, code: str, message: str) -> None:
        with self._lock:
            changed = self._online
            self._online = False
            if changed or self._offline_since is None:
                self._offline_since = datetime.now(UTC)
            since = self._offline_since
        if changed:
            self.onlineChanged.emit(False)
            self.offlineSinceChanged.emit(since)
        self.set_error(code, message)

    def set_pending(self, count: int) -> None:
        with self._lock:
            changed = count != self._pending
            self._pending = count
        if changed:
            self.pendingCountChanged.emit(count)

    def set_error(self, code: str, message: str) -> None:
        with self._lock:
            changed = (code, message) != self._error
            self._error = (code, message)
        if changed:
            self.lastErrorChanged.emit(code, message)

    def clear_error(self) -> None:
        self.set_error("", "")

    def require_login(self) -> None:
        with self._lock:
            first = not self._login_required
            self._login_required = True
        if first:
            self.loginRequired.emit()
        self.set_error("login_required", "Your session has expired; please log in again.")

    def login_done(self) -> None:
        with self._lock:
            self._login_required = False
        self.clear_error()
