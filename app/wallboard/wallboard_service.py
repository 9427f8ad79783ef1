"""The wallboard's service: snapshot first, then live events — no polling loop.

``start()`` reads the snapshot; afterwards only change events (from the sync
event stream, connected to ``handle_change_event``) move the board: a presence
change lands on its tile at once; a journal, order or note change asks for a
fresh snapshot, coalesced so a burst of events costs one or two reads. When
the stream reconnects the snapshot is read again, so nothing missed while
disconnected stays wrong. The window only listens to ``stateChanged``.

Lead actions (reassign, release, today's journal of an agent) run on worker
threads and answer through signals.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.services.operations import OperationRunner
from app.wallboard.snapshot_reader import apply_presence, read_state
from app.wallboard.wallboard_state import WallboardState
from core.wire.changes import ChangeEntity, ChangeEvent
from core.wire.orders import EscalationAnswer
from core.wire.presence import PresenceWire

log = logging.getLogger(__name__)

#: After ``GET /wallboard`` failed, build from the reports answer alone this long.
SNAPSHOT_RETRY_S = 60.0

#: Entities whose changes move figures computed by the server.
_REFRESHING = frozenset({ChangeEntity.ORDER, ChangeEntity.JOURNAL, ChangeEntity.NOTE})


class JsonApi(Protocol):
    """What the service needs of ``sync.http_client.HttpClient`` (not imported, see
    ``LiveFeed``)."""

    def get_json(self, path: str, params: Any = None, *, timeout: float | None = None) -> Any: ...

    def post_json(self, path: str, body: Any = None) -> Any: ...


class LiveFeed(Protocol):
    """What the service needs of ``app.wallboard.wallboard_feed.WallboardFeed``.

    A protocol, not an import: windows import this service, and ``ui`` must not
    reach ``sync`` even indirectly (the feed is built by the composition root).
    """

    changeReceived: Any
    connectedChanged: Any

    def start(self) -> None: ...

    def stop(self) -> None: ...


class WallboardService(QObject):
    """Owns the current ``WallboardState`` and keeps it current."""

    #: The state changed (read ``state``).
    stateChanged = Signal()
    #: The live stream is up (True) or down (False).
    liveChanged = Signal(bool)
    #: A snapshot read failed: (code, English message).
    loadFailed = Signal(str, str)
    #: A lead action finished: (action, ok, code, English message).
    actionFinished = Signal(str, bool, str, str)
    #: Today's journal of an agent: (user_id, list of entry dicts).
    journalLoaded = Signal(int, list)

    def __init__(
        self,
        api: JsonApi,
        runner: OperationRunner,
        parent: QObject | None = None,
        *,
        team_id: int | None = None,
        coalesce_ms: int = 50,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._runner = runner
        self._team_id = team_id
        self._state: WallboardState | None = None
        self._loading = False
        self._dirty = False
        self._live = False
        self._was_connected = False
        self._feed: LiveFeed | None = None
        self._snapshot_retry_at = 0.0  # monotonic time; set after GET /wallboard failed
        self._stopped = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(coalesce_ms)
        self._refresh_timer.timeout.connect(self._load)

    @property
    def state(self) -> WallboardState | None:
        return self._state

    @property
    def live(self) -> bool:
        return self._live

    @property
    def cursor(self) -> int:
        """Change-log sequence the board is current to (resume point of the stream)."""
        return self._state.cursor if self._state else 0

    # -- loading ---------------------------------------------------------

    def start(self) -> None:
        """Read the first snapshot; the feed (if any) starts once it is in."""
        self._load()

    def attach_feed(self, feed: LiveFeed) -> None:
        """Follow ``feed``: its events move the board; it starts after the first snapshot."""
        self._feed = feed
        feed.changeReceived.connect(self.handle_change_event)
        feed.connectedChanged.connect(self.set_stream_connected)
        if self._state is not None:
            feed.start()

    def stop(self) -> None:
        """Stop following live events (the window closes). A snapshot still on its
        way afterwards does not start the feed again."""
        self._stopped = True
        self._refresh_timer.stop()
        if self._feed is not None:
            self._feed.stop()

    def refresh_soon(self) -> None:
        """Ask for a fresh snapshot; many calls within the coalescing window make one read."""
        if self._stopped:
            return
        if self._loading:
            self._dirty = True
        elif not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _params(self) -> dict[str, Any]:
        return {} if self._team_id is None else {"team_id": self._team_id}

    def _fetch(self) -> WallboardState:
        params = self._params() or None
        snapshot: Any = None
        if time.monotonic() >= self._snapshot_retry_at:
            try:
                snapshot = self._api.get_json("/wallboard", params)
            except Exception as error:  # the reports answer alone still draws the board
                if getattr(error, "code", "") in ("login_required", "forbidden"):
                    raise
                # Do not pay for a failing endpoint on every live event.
                self._snapshot_retry_at = time.monotonic() + SNAPSHOT_RETRY_S
                log.warning("wallboard snapshot unavailable, using report figures: %s", error)
        live = self._api.get_json("/reports/live", params)
        return read_state(snapshot, live)

    @Slot()
    def _load(self) -> None:
        if self._loading:
            self._dirty = True
            return
        self._loading = True
        self._dirty = False
        self._runner.run(self._fetch, self._loaded, self._load_failed)

    def _loaded(self, state: WallboardState) -> None:
        self._loading = False
        first = self._state is None
        if not state.escalations_read and self._state is not None:
            # Without the snapshot nothing says the escalations changed: keep the
            # last ones rather than telling the lead nobody is waiting.
            state.escalations = self._state.escalations
        self._state = state
        self.stateChanged.emit()
        if first and self._feed is not None and not self._stopped:
            self._feed.start()  # resumes from the snapshot's cursor
        if self._dirty:
            self.refresh_soon()

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        code = str(getattr(error, "code", type(error).__name__))
        message = str(getattr(error, "message", error))
        log.warning("wallboard snapshot failed: %s %s", code, message)
        self.loadFailed.emit(code, message)
        if self._dirty:
            self.refresh_soon()

    # -- live events -----------------------------------------------------

    @Slot(object)
    def handle_change_event(self, event: ChangeEvent) -> None:
        """One change from the event stream (any thread's signal, queued to ours)."""
        state = self._state
        if state is None:
            self.refresh_soon()
            return
        if event.seq <= state.cursor and not self._loading:
            return  # already part of the snapshot
        state.cursor = max(state.cursor, event.seq)
        if event.entity == ChangeEntity.PRESENCE:
            try:
                presence = PresenceWire.model_validate(event.payload)
            except ValueError:
                self.refresh_soon()
                return
            if apply_presence(state, presence):
                self.stateChanged.emit()
            else:
                self.refresh_soon()  # a new agent on the team
            return
        if event.entity in _REFRESHING:
            self.refresh_soon()

    @Slot(bool)
    def set_stream_connected(self, connected: bool) -> None:
        """Track the stream. It resumes from the board's cursor, so missed events are
        replayed; after a real drop the snapshot is read once more anyway, in case
        the server could not replay (its change log pruned)."""
        if connected == self._live:
            return
        self._live = connected
        self.liveChanged.emit(connected)
        if connected and self._was_connected and self._state is not None:
            self.refresh_soon()
        self._was_connected = self._was_connected or connected

    # -- lead actions ----------------------------------------------------

    def reassign(self, order_id: int, owner_id: int | None) -> None:
        """Give the order to ``owner_id`` (None: back to the pool), releasing its lease."""
        body = {"owner_id": owner_id, "release_lease": True}
        self._act("reassign", lambda: self._api.post_json(f"/orders/{order_id}/reassign", body))

    def release(self, order_id: int) -> None:
        """Take the lease off an order whoever holds it."""
        self._act("release", lambda: self._api.post_json(f"/orders/{order_id}/release", {}))

    def answer_escalation(self, order_id: int, text: str) -> None:
        """Answer an agent's escalation: the text becomes a note and the order goes
        back to that agent."""
        body = EscalationAnswer(text=text).model_dump(mode="json")
        self._act(
            "answer_escalation",
            lambda: self._api.post_json(f"/orders/{order_id}/escalation/answer", body),
        )

    def take_escalation(self, order_id: int) -> None:
        """Take an escalated order over: the lead becomes its owner and lease holder."""
        self._act(
            "take_escalation",
            lambda: self._api.post_json(f"/orders/{order_id}/escalation/take", {}),
        )

    def load_journal_today(self, user_id: int, day: date | None = None) -> None:
        """Fetch the agent's journal of ``day`` (the shop's today by default: the
        server picks it in the shop's time zone, not this desk's)."""
        params: dict[str, Any] = {"agent_id": user_id}
        if day is not None:
            params["day"] = day.isoformat()

        def fetch() -> list[dict[str, Any]]:
            answer = self._api.get_json("/reports/journal", params)
            return list(answer.get("entries", [])) if isinstance(answer, dict) else []

        self._runner.run(
            fetch,
            lambda entries: self.journalLoaded.emit(user_id, entries),
            lambda error: self.actionFinished.emit(
                "journal", False, str(getattr(error, "code", "error")),
                str(getattr(error, "message", error)),
            ),
        )

    def _act(self, action: str, work: Callable[[], Any]) -> None:
        def done(_: Any) -> None:
            self.actionFinished.emit(action, True, "", "")
            self.refresh_soon()

        def failed(error: Exception) -> None:
            self.actionFinished.emit(
                action, False, str(getattr(error, "code", type(error).__name__)),
                str(getattr(error, "message", error)),
            )

        self._runner.run(work, done, failed)
