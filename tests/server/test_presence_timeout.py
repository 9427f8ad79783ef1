"""A desk that stops reporting is taken offline by the server, and the change
reaches wallboards (pull and SSE) once, even with several server processes."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import update

from server.db.models_sync import PresenceRow
from server.services.db_clock import db_now
from server.services.presence import PRESENCE_TIMEOUT, sweep_silent_desks
from tests.server.conftest import Backend
from tests.server.shop import Shop
from tests.server.sse_client import SseCollector
from tests.server.test_changes import pull_all


def _go_silent(shop: Shop, user_id: int) -> None:
    """The desk's last report is older than the presence timeout."""
    with shop.db.write() as session:
        stale = db_now(session) - PRESENCE_TIMEOUT - timedelta(seconds=30)
        session.execute(
            update(PresenceRow).where(PresenceRow.user_id == user_id).values(updated_at=stale)
        )


def _offline_changes(changes: list[dict], user_id: int) -> list[dict]:
    return [
        c
        for c in changes
        if c["entity"] == "presence"
        and c["entity_id"] == str(user_id)
        and c["payload"]["state"] == "offline"
    ]


def test_silent_desk_reaches_the_wallboard_stream_as_offline(shop: Shop) -> None:
    agent, lead = shop.agents[0], shop.lead
    put = agent.client.put("/presence", json={"state": "available"})
    assert put.status_code == 200, put.text
    _, cursor = pull_all(lead.client, 0)
    watcher = SseCollector(shop.api, lead.token, count=1, last_event_id=cursor, timeout=20)
    watcher.start()
    _go_silent(shop, agent.id)
    events = watcher.join()
    assert watcher.error is None
    assert [(e.event, e.data["entity_id"]) for e in events] == [("presence", str(agent.id))]
    assert events[0].data["payload"]["state"] == "offline"
    tiles = {p["user_id"]: p for p in lead.client.get("/presence").json()}
    assert tiles[agent.id]["state"] == "offline"
    # The other agents' tiles were not touched.
    assert tiles[shop.agents[1].id]["state"] == "offline"  # never reported
    changes, _ = pull_all(lead.client, cursor)
    assert len(_offline_changes(changes, agent.id)) == 1


def test_desk_back_after_timeout_shows_its_new_state(shop: Shop) -> None:
    agent = shop.agents[1]
    agent.client.put("/presence", json={"state": "available"})
    _go_silent(shop, agent.id)
    assert sweep_silent_desks(shop.db) >= 1
    back = agent.client.put("/presence", json={"state": "paused", "reason": "Pause"})
    assert back.status_code == 200, back.text
    tiles = {p["user_id"]: p for p in shop.lead.client.get("/presence").json()}
    assert tiles[agent.id]["state"] == "paused"


def test_concurrent_sweeps_emit_one_change_per_silent_desk(
    shop: Shop, backend: Backend, server_process_factory
) -> None:
    """Several processes sweep at once (threads here, plus a second server on
    PostgreSQL): the desk is announced offline exactly once."""
    agent, lead = shop.agents[2], shop.lead
    agent.client.put("/presence", json={"state": "in_call", "order_id": shop.order_ids[0]})
    _, cursor = pull_all(lead.client, 0)
    if backend.name == "postgres":
        server_process_factory(backend.db_url, migrate=False)
    _go_silent(shop, agent.id)
    counts: list[int] = []
    start = threading.Barrier(4)

    def sweep() -> None:
        start.wait(10)
        counts.append(sweep_silent_desks(shop.db))

    threads = [threading.Thread(target=sweep) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    watcher = SseCollector(shop.api, lead.token, count=1, last_event_id=cursor, timeout=15)
    assert watcher.start().join() and watcher.error is None
    changes, _ = pull_all(lead.client, cursor)
    assert len(_offline_changes(changes, agent.id)) == 1
