"""Against the real server: every queued op is applied once, whatever the network does."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from sync.http_client import ServerUnreachable
from tests.sync.desk import open_desk
from tests.sync.loopback_proxy import DroppingHttpProxy
from tests.sync.server_harness import SyncTestServer

pytestmark = pytest.mark.slow


def _drain(desk_sync_once: Callable[[], object], pending: Callable[[], int], limit: float) -> int:
    """Call sync rounds until the outbox is empty; returns how many rounds failed."""
    failures = 0
    deadline = time.monotonic() + limit
    while pending() and time.monotonic() < deadline:
        try:
            desk_sync_once()
        except ServerUnreachable:
            failures += 1
    return failures


def test_answers_lost_after_commit_apply_each_op_once(
    qapp: QCoreApplication, start_server: Callable[..., SyncTestServer], tmp_path: Path
) -> None:
    server = start_server()
    with DroppingHttpProxy(
        server.port, drop_rate=0.2, should_drop=lambda method, path: path.endswith("/sync/push")
    ) as proxy:
        desk = open_desk(tmp_path, server.url, "agent1", engine_url=proxy.url, batch_size=50)
        try:
            desk.claim_orders(3)  # an agent holds at most three orders (lease cap)
            texts = desk.queue_notes(1000, "drop")
            assert desk.store.sync.pending_count() == 1000
            _drain(desk.engine.sync_once, desk.store.sync.pending_count, limit=120)
            assert desk.store.sync.pending_count() == 0
            assert proxy.dropped >= 5, "the proxy must really have lost answers"
            on_server = desk.server_notes("drop")
            assert len(on_server) == 1000
            assert Counter(on_server) == Counter(texts)  # each once, none missing
            assert desk.store.refusals.refusals() == []
        finally:
            desk.close()


def test_server_killed_mid_push_and_restarted_loses_nothing(
    qapp: QCoreApplication, start_server: Callable[..., SyncTestServer], tmp_path: Path
) -> None:
    server = start_server()
    desk = open_desk(tmp_path, server.url, "agent2", batch_size=20, idle_wait=0.2)
    online: list[bool] = []
    desk.engine.state.onlineChanged.connect(online.append)
    try:
        desk.claim_orders(3)  # an agent holds at most three orders (lease cap)
        texts = desk.queue_notes(1000, "kill")
        desk.engine.start()
        deadline = time.monotonic() + 60
        while desk.store.sync.pending_count() > 800 and time.monotonic() < deadline:
            time.sleep(0.01)
        server.kill()  # in the middle of the drain
        left_when_killed = desk.store.sync.pending_count()
        assert 0 < left_when_killed < 1000
        deadline = time.monotonic() + 30
        while desk.engine.state.online and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not desk.engine.state.online
        assert desk.engine.state.offline_since is not None
        assert desk.engine.state.last_error[0].startswith("server_")
        server.start()
        deadline = time.monotonic() + 90
        while desk.store.sync.pending_count() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert desk.store.sync.pending_count() == 0
        assert desk.engine.state.online and desk.engine.state.pending_count == 0
        qapp.processEvents()
        assert online[-2:] == [False, True]
        on_server = desk.server_notes("kill")
        assert len(on_server) == 1000 and Counter(on_server) == Counter(texts)
    finally:
        desk.close()
