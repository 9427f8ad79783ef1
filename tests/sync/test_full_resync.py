"""A cursor the server no longer keeps triggers a full resync that misses nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app.local_store.queue_repository import QueueFilter
from server.db.session import open_database
from server.services.change_log import assign_sequence, prune_changes
from sync.sync_store import AppliedChanges
from tests.sync.desk import open_desk
from tests.sync.server_harness import SyncTestServer, api

pytestmark = pytest.mark.slow


def test_pruned_cursor_resyncs_everything(
    qapp: QCoreApplication, start_server: Callable[..., SyncTestServer], tmp_path: Path
) -> None:
    server = start_server()
    desk = open_desk(tmp_path / "desk", server.url, "agent1")
    other = open_desk(tmp_path / "other", server.url, "agent2")
    refreshed: list[AppliedChanges] = []
    desk.engine.changesApplied.connect(refreshed.append)
    try:
        desk.engine.sync_once()
        assert desk.engine.puller.full_resyncs == 0  # the first sync reads the change log
        visible = api(server.url, desk.token.token or "", "GET", "/orders", params={"limit": 1})
        assert desk.store.queue.count(QueueFilter()) == visible["total"]
        old_cursor = desk.store.sync.cursor() or 0

        order_id = other.claim_orders(1)[0]
        other.queue_notes(3, "while-away")
        while other.pusher_batch():
            pass
        database = open_database(server.db_url)
        try:
            # Number the committed changes now (the server's hub does it on its own
            # tick, which may not have run yet) so the prune covers agent2's work.
            last_seq = assign_sequence(database)
            assert prune_changes(database, keep_after=last_seq) > 0
        finally:
            database.dispose()

        # Small pages: the refresh walks many keyset pages (each fetched while the
        # previous one is stored) and must still miss no order.
        desk.engine.puller.orders_page_limit = max(2, visible["total"] // 7)
        desk.engine.request_pull()
        desk.engine.sync_once()
        assert desk.engine.puller.full_resyncs == 1
        assert desk.store.queue.count(QueueFilter()) == visible["total"]
        assert (desk.store.sync.cursor() or 0) >= last_seq > old_cursor
        assert any(change.full_refresh for change in refreshed)
        row = desk.store.queue.rows_by_ids([order_id])[0]
        assert row.lease_holder_name == other.user["display_name"]
        server_order = api(server.url, desk.token.token or "", "GET", f"/orders/{order_id}")
        assert desk.store.orders.order_detail(order_id).order.version == server_order["version"]
        assert desk.store.catalogue.articles() and desk.store.catalogue.cities()
        # The notes written meanwhile were in the pruned log: opening the order fetches them.
        desk.engine.refresh_order_history(order_id)
        texts = [e.text for e in desk.store.orders.timeline(order_id) if e.kind == "note"]
        assert sorted(t for t in texts if t.startswith("while-away")) == [
            f"while-away-{i:05d}" for i in range(3)
        ]
    finally:
        desk.close()
        other.close()
