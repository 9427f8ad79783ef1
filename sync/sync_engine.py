"""The sync engine: pushes the outbox, pulls changes, follows events, keeps leases.

One worker thread runs the loop (push until the outbox is empty, pull when
needed, heartbeat when due) and backs off with jitter while the server is
unreachable; the event stream runs on its own thread. Everything that writes
the store from the server's side (pull pages, resyncs, events) goes through
one lock, so the cursor moves in one direction. What happened is announced as
Qt signals (queued to the GUI thread by PySide6); ``state`` holds the
online / offline / pending / last-error signals for the status bar.

The engine is given its store (``SyncStore``) and a token provider; it never
reaches for a global.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from core.wire.changes import ChangeEvent
from sync.backoff import Backoff
from sync.connection_state import ConnectionState
from sync.delta_pull import DeltaPuller
from sync.event_stream import EventStreamListener
from sync.http_client import (
    ApiRefusal,
    AuthenticationRequired,
    HttpClient,
    ServerUnreachable,
    TokenProvider,
)
from sync.http_config import HttpConfig
from sync.lease_heartbeat import LeaseHeartbeat
from sync.order_claims import OrderClaims
from sync.outbox_pusher import OutboxPusher, PushReport, SequenceGapError
from sync.sync_store import AppliedChanges, LostLeaseNotice, SyncStore

log = logging.getLogger(__name__)

#: Refusal codes that say our claim on the order may be over.
LEASE_REFUSALS = frozenset(
    {"lease_held", "lease_lost", "stale_epoch", "not_lease_holder", "owned_by_other"}
)


class SyncEngine(QObject):
    """Keeps one desk's local store and the server in step."""

    #: AppliedChanges — changes from the server are in the store (views may redraw).
    changesApplied = Signal(object)
    #: RefusalNotice — the server refused one of our ops; kept in the store.
    refusalRecorded = Signal(object)
    #: LostLeaseNotice — a claim we held is gone.
    leaseLost = Signal(object)
    #: PushReport — a drain of the outbox finished with at least one answer.
    pushed = Signal(object)

    def __init__(
        self,
        store: SyncStore,
        base_url: str,
        token_provider: TokenProvider,
        *,
        batch_size: int = 100,
        heartbeat_interval: float = 30.0,
        pull_interval: float = 60.0,
        idle_wait: float = 5.0,
        use_event_stream: bool = True,
        lease_seconds: int | None = None,
        backoff: Backoff | None = None,
        http: HttpConfig | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.state = ConnectionState(self)
        self.client = HttpClient(base_url, token_provider, device_id=store.device_id(),
                                 http=http)
        self.pusher = OutboxPusher(
            self.client, store, batch_size=batch_size, order_label=self._order_label
        )
        self.puller = DeltaPuller(self.client, store)
        self.heartbeat = LeaseHeartbeat(
            self.client, store, interval=heartbeat_interval, order_label=self._order_label
        )
        self.claims = OrderClaims(self.client, store, lease_seconds=lease_seconds)
        self.pull_interval = pull_interval
        self.idle_wait = idle_wait
        self._backoff = backoff or Backoff(base=0.5, cap=30.0)
        self._apply_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._pull_requested = True
        self._last_pull = 0.0
        self._last_beat = 0.0
        self._beat_now = True
        self._thread: threading.Thread | None = None
        self.events: EventStreamListener | None = None
        if use_event_stream:
            self.events = EventStreamListener(
                self.client,
                cursor=store.cursor,
                on_events=self._on_events,
                on_connected=self._on_stream_connected,
                on_disconnected=self._on_stream_lost,
                on_auth_failed=self._on_auth_failed,
                on_reset=self._on_stream_reset,
            )
        self.state.set_pending(store.pending_count())

    # -- life cycle -------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker and the event stream threads."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="hatif-sync", daemon=True)
        self._thread.start()
        if self.events is not None:
            self.events.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop both threads (the outbox stays in the store for next time)."""
        self._stop.set()
        self._wake.set()
        if self.events is not None:
            self.events.stop(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.client.close()

    def wake(self) -> None:
        """Something was queued: push now instead of at the next tick."""
        self.state.set_pending(self.store.pending_count())
        self._wake.set()

    def request_pull(self) -> None:
        self._pull_requested = True
        self._wake.set()

    def login_done(self) -> None:
        """A new token is available after ``loginRequired``: resume everything."""
        self.state.login_done()
        if self.events is not None:
            self.events.resume()
        self._wake.set()

    def set_presence(
        self, state: str, reason: str | None = None, order_id: int | None = None
    ) -> None:
        """Publish the agent's presence: queued in the outbox like every action, so it
        reaches the server once, in order, even after an outage."""
        self.store.queue_presence(state, reason, order_id)
        self.wake()

    def refresh_order_history(self, order_id: int) -> None:
        """Fetch an order's notes and journal now (blocking: call it off the GUI thread
        when the agent opens an order). Raises ``ServerUnreachable`` when offline."""
        with self._apply_lock:
            self.puller.fetch_order_history(order_id)
        self.changesApplied.emit(
            AppliedChanges(
                cursor=self.store.cursor() or 0,
                applied=1,
                order_ids=frozenset({order_id}),
                entities=frozenset({"note", "journal"}),
            )
        )

    # -- one synchronous round (the worker's body; tests and tools call it) -----------

    def sync_once(self) -> PushReport:
        """Push everything, pull if due, heartbeat if due. Raises on no/negative answer."""
        report = self._push_all()
        now = time.monotonic()
        stream_live = self.events is not None and self.events.connected
        if self._pull_requested or (
            not stream_live and now - self._last_pull >= self.pull_interval
        ):
            self._pull_requested = False
            with self._apply_lock:
                results = self.puller.pull(self._stop.is_set)
            self._last_pull = now
            for applied in results:
                self._announce(applied)
        if self._beat_now or now - self._last_beat >= self.heartbeat.interval:
            self._beat()
        self.state.set_online()
        self.state.clear_error()
        return report

    # -- internals -------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            if self.state.needs_login:
                self._wake.wait(self.idle_wait)
                self._wake.clear()
                continue
            delay = self.idle_wait
            try:
                self.sync_once()
                self._backoff.reset()
            except ServerUnreachable as error:
                self.state.set_offline(error.code, error.message)
                delay = self._backoff.next_delay()
                self.note_unreachable()
            except AuthenticationRequired:
                self.state.require_login()
            except SequenceGapError as error:
                self.state.set_error("sequence_gap", str(error))
                delay = self._backoff.next_delay()
            except ApiRefusal as refusal:
                self.state.set_error(refusal.code, refusal.message)
                delay = self._backoff.next_delay()
            except Exception as error:  # keep the loop alive; the error is shown
                log.exception("sync round failed")
                self.state.set_error("sync_failed", f"Synchronisation failed: {error}")
                delay = self._backoff.next_delay()
            self.state.set_pending(self.store.pending_count())
            if self._wake.wait(delay):
                self._wake.clear()

    def note_unreachable(self) -> None:
        """The server could not be reached: once back, pull and check our leases first."""
        self._pull_requested = True
        self._beat_now = True

    def _push_all(self) -> PushReport:
        total = PushReport()
        while not self._stop.is_set():
            report = self.pusher.push_batch()
            if report is None:
                break
            total.add(report)
            self.state.set_online()
            self.state.set_pending(self.store.pending_count())
            for notice in report.refusals:
                self.refusalRecorded.emit(notice)
                if notice.code in LEASE_REFUSALS:
                    # The claim is probably gone: ask the server in this same round.
                    self._beat_now = True
        if total.batches:
            self.pushed.emit(total)
        return total

    def _beat(self) -> None:
        lost = self.heartbeat.beat()
        self._last_beat = time.monotonic()
        self._beat_now = False
        for notice in lost:
            self.leaseLost.emit(notice)

    def _on_events(self, events: Sequence[ChangeEvent]) -> None:
        with self._apply_lock:
            applied = self.store.apply_changes(events, events[-1].seq)
        self._announce(applied)

    def _announce(self, applied: AppliedChanges) -> None:
        if applied.applied or applied.full_refresh:
            self.changesApplied.emit(applied)
        for notice in applied.lost_leases:
            self.leaseLost.emit(notice)

    def _on_stream_connected(self) -> None:
        self.state.set_online()
        # Anything that happened before the stream was up is caught by one pull.
        self.request_pull()

    def _on_stream_lost(self, code: str, message: str) -> None:
        self.request_pull()

    def _on_stream_reset(self) -> None:
        with self._apply_lock:
            applied = self.puller.full_resync()
        self._announce(applied)

    def _on_auth_failed(self) -> None:
        self.state.require_login()

    def _order_label(self, order_id: int) -> str:
        return self.store.order_reference(order_id) or str(order_id)


__all__ = ["LostLeaseNotice", "SyncEngine"]
