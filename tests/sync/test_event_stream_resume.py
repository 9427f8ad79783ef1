"""The SSE connection is reset in the middle of a burst: every event arrives, in order, once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from core.wire.changes import ChangeEvent
from sync.event_stream import EventStreamListener
from sync.http_client import HttpClient
from tests.sync.desk import open_desk
from tests.sync.loopback_proxy import TcpRelay
from tests.sync.server_harness import SyncTestServer, api

pytestmark = pytest.mark.slow


def _server_seqs(url: str, token: str, after: int) -> list[int]:
    seqs: list[int] = []
    cursor = after
    while True:
        page = api(url, token, "GET", "/sync/pull", params={"cursor": cursor, "limit": 1000})
        seqs.extend(change["seq"] for change in page["changes"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return seqs


def test_stream_reset_mid_burst_delivers_every_event_once_in_order(
    qapp: QCoreApplication, start_server: Callable[..., SyncTestServer], tmp_path: Path
) -> None:
    server = start_server()
    watcher = open_desk(tmp_path / "watcher", server.url, "agent1")
    producer = open_desk(tmp_path / "producer", server.url, "agent2", batch_size=10)
    try:
        watcher.engine.sync_once()  # first sync: the watcher has a cursor
        start_cursor = watcher.store.sync.cursor() or 0
        received: list[int] = []
        lock = threading.Lock()

        def on_events(events: Sequence[ChangeEvent]) -> None:
            with lock:
                before = watcher.store.sync.cursor() or 0
                watcher.store.sync.apply_changes(events, events[-1].seq)
                received.extend(e.seq for e in events if e.seq > before)

        with TcpRelay(server.port) as relay:
            listener = EventStreamListener(
                HttpClient(relay.url, watcher.token),
                cursor=watcher.store.sync.cursor,
                on_events=on_events,
            )
            listener.start()
            deadline = time.monotonic() + 20
            while not listener.connected and time.monotonic() < deadline:
                time.sleep(0.02)
            assert listener.connected

            producer.claim_orders(3)
            producer.queue_notes(300, "burst")
            cuts = 0
            batches = 0
            while producer.pusher_batch():
                batches += 1
                if batches in (8, 16, 24):
                    # Cut an established stream, not a reconnection still in its
                    # handshake (which the listener never counted as connected).
                    wait_until = time.monotonic() + 10
                    while not listener.connected and time.monotonic() < wait_until:
                        time.sleep(0.01)
                    cuts += relay.reset_all()
            assert cuts >= 3, "the stream must have been cut while events were flowing"

            expected = _server_seqs(server.url, watcher.token.token or "", start_cursor)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with lock:
                    if received and received[-1] >= expected[-1]:
                        break
                time.sleep(0.05)
            listener.stop()
        assert listener.connections >= 3
        assert received == expected  # every event, in order, once
        assert len(expected) >= 300
        notes = [
            entry.text
            for order_id in producer.claimed
            for entry in watcher.store.orders.timeline(order_id)
            if entry.kind == "note" and entry.text.startswith("burst")
        ]
        assert sorted(notes) == [f"burst-{i:05d}" for i in range(300)]
    finally:
        watcher.close()
        producer.close()
