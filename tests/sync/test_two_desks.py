"""Two desks on one server: a change by one reaches the other's store and signals;
a refused token asks for a new login without losing the outbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.wire.sync_ops import CallbackPayload, NotePayload, OpKind
from sync.sync_store import AppliedChanges
from tests.sync.desk import open_desk
from tests.sync.server_harness import SyncTestServer

pytestmark = pytest.mark.slow


def test_change_on_one_desk_appears_on_the_other(
    qtbot: QtBot, start_server: Callable[..., SyncTestServer], tmp_path: Path
) -> None:
    server = start_server()
    first = open_desk(tmp_path / "a", server.url, "agent1", use_event_stream=True, idle_wait=0.5)
    second = open_desk(tmp_path / "b", server.url, "agent2", use_event_stream=True, idle_wait=0.5)
    seen: list[AppliedChanges] = []
    second.engine.changesApplied.connect(seen.append)
    online: list[bool] = []
    second.engine.state.onlineChanged.connect(online.append)
    try:
        first.engine.start()
        second.engine.start()
        qtbot.waitUntil(
            lambda: (
                first.engine.events is not None
                and first.engine.events.connected
                and second.engine.events is not None
                and second.engine.events.connected
            ),
            timeout=30_000,
        )
        assert online and online[-1] is True

        order_id = first.claim_orders(1)[0]
        when = datetime.now(UTC) + timedelta(hours=3)
        first.store.record_action(
            OpKind.CALLBACK, order_id, CallbackPayload(callback_at=when, note="Rappeler à 15h")
        )
        first.engine.wake()

        def arrived() -> bool:
            rows = second.store.queue.rows_by_ids([order_id])
            return bool(rows) and rows[0].server_status == "callback"

        qtbot.waitUntil(arrived, timeout=30_000)
        qtbot.waitUntil(lambda: any(order_id in c.order_ids for c in seen), timeout=10_000)
        row = second.store.queue.rows_by_ids([order_id])[0]
        assert row.owner_name == first.user["display_name"]
        assert row.callback_at is not None

        def notes() -> list[str]:
            return [e.text for e in second.store.orders.timeline(order_id) if e.kind == "note"]

        qtbot.waitUntil(lambda: notes() == ["Rappeler à 15h"], timeout=10_000)
        qtbot.waitUntil(lambda: first.store.sync.pending_count() == 0, timeout=10_000)

        first.engine.set_presence("paused", "Pause café")

        def paused() -> bool:
            presence = second.store.presence.of_user(first.user["id"])
            return presence is not None and presence.state == "paused"

        qtbot.waitUntil(paused, timeout=15_000)
        assert second.store.presence.of_user(first.user["id"]).reason == "Pause café"
        assert not first.store.queue.rows_by_ids([order_id])[0].pending

        # The second desk's token is refused: the app is asked to log in, nothing is lost.
        own = second.claim_orders(1)[0]
        good_token = second.token.token
        second.token.token = "revoked-or-expired"
        with qtbot.waitSignal(second.engine.state.loginRequired, timeout=15_000):
            second.store.record_action(OpKind.ADD_NOTE, own, NotePayload(text="après login"))
            second.engine.wake()
        assert second.store.sync.pending_count() == 1
        second.token.token = good_token
        second.engine.login_done()
        qtbot.waitUntil(lambda: second.store.sync.pending_count() == 0, timeout=15_000)
        qtbot.waitUntil(
            lambda: any(
                e.text == "après login" and e.state == 0 for e in first.store.orders.timeline(own)
            ),
            timeout=15_000,
        )
    finally:
        first.close()
        second.close()
