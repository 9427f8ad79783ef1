"""The change log: pull by cursor, safe against late commits on PostgreSQL; SSE
resumes from Last-Event-ID without gaps or repeats, across server processes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx
import pytest

from core.wire.changes import ChangeEntity
from server.services.change_log import append_change
from tests.fixtures.server_process import RunningServer
from tests.server.conftest import Backend
from tests.server.shop import Shop
from tests.server.sse_client import SseCollector


def pull_all(client: httpx.Client, cursor: int) -> tuple[list[dict], int]:
    changes: list[dict] = []
    while True:
        page = client.get("/sync/pull", params={"cursor": cursor, "limit": 100}).json()
        assert not page["reset_required"]
        changes.extend(page["changes"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return changes, cursor


def head(client: httpx.Client) -> int:
    return pull_all(client, 0)[1]


def test_pull_returns_each_change_once_in_order(shop: Shop) -> None:
    agent = shop.agents[0]
    cursor = head(agent.client)
    for order_id in shop.order_ids[:3]:
        assert agent.client.post(f"/orders/{order_id}/claim").status_code == 200
    changes, cursor_after = pull_all(agent.client, cursor)
    mine = [c for c in changes if c["entity"] == "order" and int(c["entity_id"]) in shop.order_ids]
    assert [int(c["entity_id"]) for c in mine] == shop.order_ids[:3]
    assert [c["seq"] for c in changes] == sorted(c["seq"] for c in changes)
    assert mine[0]["payload"]["lease"]["holder_id"] == agent.id
    assert pull_all(agent.client, cursor_after)[0] == []
    future = agent.client.get("/sync/pull", params={"cursor": cursor_after + 1000}).json()
    assert future["reset_required"] is True


def test_other_teams_changes_are_not_pulled(shop: Shop, builder, server: RunningServer) -> None:
    other = builder.new_shop(server.api, agents=1, orders=1)
    cursor = head(shop.agents[0].client)
    other.agents[0].client.post(f"/orders/{other.order_ids[0]}/claim")
    changes, _ = pull_all(shop.agents[0].client, cursor)
    assert all(c["team_id"] in (None, shop.team_id) for c in changes)
    assert str(other.order_ids[0]) not in {
        c["entity_id"] for c in changes if c["entity"] == "order"
    }
    other.close()


def test_a_change_that_commits_late_is_not_skipped(shop: Shop, backend: Backend) -> None:
    if backend.name != "postgres":
        pytest.skip("SQLite runs one writer at a time: commits cannot overtake each other")
    client = shop.lead.client
    cursor = head(client)
    now = datetime.now(UTC)
    late = shop.db.write()
    late_session = late.__enter__()
    # Takes its place in the log first (lower id) but commits last.
    append_change(
        late_session,
        entity=ChangeEntity.NOTE,
        entity_id="late",
        payload={},
        at=now,
        team_id=shop.team_id,
    )
    late_session.flush()
    with shop.db.write() as early:
        append_change(
            early,
            entity=ChangeEntity.NOTE,
            entity_id="early",
            payload={},
            at=now,
            team_id=shop.team_id,
        )
    first, cursor = pull_all(client, cursor)
    assert [c["entity_id"] for c in first if c["entity"] == "note"] == ["early"]
    late.__exit__(None, None, None)  # commit now
    second, _ = pull_all(client, cursor)
    assert [c["entity_id"] for c in second if c["entity"] == "note"] == ["late"]


def test_sse_reconnect_with_last_event_id_gets_every_missed_event_once(shop: Shop) -> None:
    agent = shop.agents[0]
    live = SseCollector(shop.api, agent.token, count=1).start()
    # A teammate's claim (the agent's stream sees the team's changes): the agent itself
    # then holds three orders, within the per-agent lease cap.
    shop.agents[1].client.post(f"/orders/{shop.order_ids[0]}/claim")
    events = live.join()
    assert live.error is None and len(events) == 1
    assert events[0].event == "order" and events[0].data["entity_id"] == str(shop.order_ids[0])
    last_id = events[0].id
    assert last_id == events[0].data["seq"]

    # Disconnected: three more changes happen.
    for order_id in shop.order_ids[1:4]:
        agent.client.post(f"/orders/{order_id}/claim")
    resumed = SseCollector(shop.api, agent.token, count=3, last_event_id=last_id).start().join()
    assert [e.data["entity_id"] for e in resumed] == [str(o) for o in shop.order_ids[1:4]]
    assert [e.id for e in resumed] == sorted({e.id for e in resumed})
    assert all(e.id is not None and e.id > last_id for e in resumed)


def test_change_through_one_server_reaches_a_client_of_another(
    shop: Shop, backend: Backend, server_process_factory
) -> None:
    if backend.name != "postgres":
        pytest.skip("several server processes share PostgreSQL in production")
    second = server_process_factory(backend.db_url, migrate=False)
    agent = shop.agents[0]
    watcher = SseCollector(second.api, shop.lead.token, count=1, timeout=15).start()
    marker = str(uuid.uuid4())[:8]
    epoch = agent.client.post(f"/orders/{shop.order_ids[4]}/claim").json()["lease"]["epoch"]
    events = watcher.join()
    assert watcher.error is None
    assert [e.data["entity_id"] for e in events] == [str(shop.order_ids[4])]
    assert events[0].data["payload"]["lease"]["epoch"] == epoch
    assert marker


def test_order_list_gives_a_cursor_to_pull_from_and_queue_order(shop: Shop) -> None:
    agent = shop.agents[0]
    page = agent.client.get("/orders", params={"q": shop.prefix, "sort": "queue"}).json()
    assert {o["id"] for o in page["items"]} == set(shop.order_ids)
    totals = [o["total"] for o in page["items"]]
    assert totals == sorted(totals, key=float, reverse=True)  # same group: higher value first
    agent.client.post(f"/orders/{shop.order_ids[0]}/claim")
    changes, _ = pull_all(agent.client, page["cursor"])
    assert str(shop.order_ids[0]) in {c["entity_id"] for c in changes if c["entity"] == "order"}
