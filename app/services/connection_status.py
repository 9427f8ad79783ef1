"""Server connection as the status bar shows it: online, offline since, waiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class ConnectionView:
    """Online or offline since when, actions waiting in the outbox, last error."""

    online: bool
    since: datetime | None
    pending: int
    last_error: str = ""


class ConnectionStatusService(QObject):
    """Relays the sync client's state; the status bar draws it."""

    changed = Signal(object)  # ConnectionView
    login_required = Signal()  # the server refused the token: sign in again (outbox kept)

    def __init__(self, initial: ConnectionView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = initial

    @property
    def view(self) -> ConnectionView:
        return self._view

    def update(self, view: ConnectionView) -> None:
        if view != self._view:
            self._view = view
            self.changed.emit(view)
