"""The wallboard's own live event stream, as Qt signals.

Wraps ``sync.event_stream.EventStreamListener`` (its thread, reconnection with
``Last-Event-ID`` and backoff) and resumes from the cursor the wallboard state
is current to, so a reconnection replays exactly what the board missed.
Signals are emitted from the listener's thread; PySide6 queues them to the
receivers' thread (the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from core.wire.changes import ChangeEvent
from sync.event_stream import EventStreamListener
from sync.http_client import HttpClient


class WallboardFeed(QObject):
    """Live change events for the wallboard service."""

    #: One ChangeEvent, in stream order.
    changeReceived = Signal(object)
    #: True once connected, False when the connection drops.
    connectedChanged = Signal(bool)
    #: The token was refused: the window must ask for a login.
    loginRequired = Signal()

    def __init__(
        self, client: HttpClient, cursor: Callable[[], int], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._listener = EventStreamListener(
            client,
            cursor=cursor,
            on_events=self._on_events,
            on_connected=lambda: self.connectedChanged.emit(True),
            on_disconnected=lambda code, message: self.connectedChanged.emit(False),
            on_auth_failed=self.loginRequired.emit,
        )

    @property
    def connected(self) -> bool:
        return self._listener.connected

    def start(self) -> None:
        self._listener.start()

    def stop(self) -> None:
        # The listener stays silent about a stop it was asked for: say it here.
        self._listener.stop()
        self.connectedChanged.emit(False)

    def resume(self) -> None:
        """After a new login."""
        self._listener.resume()

    def reconnect(self) -> None:
        """Drop the connection (the listener connects again from the cursor)."""
        self._listener.reconnect()

    def _on_events(self, events: Sequence[ChangeEvent]) -> None:
        for event in events:
            self.changeReceived.emit(event)
