"""The window of recent changes that one server process reads once for all its
event streams (``server.services.recent_changes``): every stream still gets each
change it may see exactly once, in order, and nothing of another team."""

from __future__ import annotations

import time

from core.order_transitions import Role
from server.auth.principal import Principal
from server.services.recent_changes import Frame, RecentChanges, sse_frame
from tests.fixtures.server_process import RunningServer
from tests.server.shop import Shop, ShopBuilder
from tests.server.sse_client import SseCollector


def _frames(after: int, upto: int, team_of: dict[int, int | None]) -> list[Frame]:
    return [
        Frame(seq, team_of.get(seq), sse_frame(seq, "order", f'{{"seq": {seq}}}'))
        for seq in range(after + 1, upto + 1)
    ]


def _agent(team_id: int | None) -> Principal:
    return Principal(user_id=1, username="a", display_name="A", role=Role.AGENT, team_id=team_id)


def test_a_stream_gets_what_follows_its_cursor_and_only_its_team() -> None:
    recent = RecentChanges(10)
    recent.extend(10, 14, _frames(10, 14, {11: 1, 12: 2, 13: None, 14: 1}))
    assert recent.covers(10) and recent.covers(14) and not recent.covers(9)
    team_one = recent.after(10, _agent(1))
    assert [text.split("\n")[0] for text in team_one] == ["id: 11", "id: 13", "id: 14"]
    assert [text.split("\n")[0] for text in recent.after(12, _agent(2))] == ["id: 13"]
    assert recent.after(14, _agent(1)) == []
    admin = Principal(user_id=9, username="x", display_name="X", role=Role.ADMIN, team_id=None)
    assert len(recent.after(10, admin)) == 4


def test_the_window_keeps_the_newest_and_moves_its_start() -> None:
    recent = RecentChanges(0, keep=3)
    recent.extend(0, 5, _frames(0, 5, {}))
    assert (recent.start, recent.end) == (2, 5)
    assert not recent.covers(1) and recent.covers(2)
    assert [text.split("\n")[0] for text in recent.after(2, _agent(1))] == [
        "id: 3", "id: 4", "id: 5"]


def test_a_gap_or_a_short_read_empties_the_window() -> None:
    """Streams behind an emptied window read the database: never a missed change."""
    recent = RecentChanges(0)
    recent.extend(0, 2, _frames(0, 2, {}))
    recent.extend(3, 4, _frames(3, 4, {}))  # (2, 3] was never read
    assert (recent.start, recent.end) == (4, 4) and not recent.covers(2)
    recent.extend(4, 8, _frames(4, 6, {}))  # rows missing from the read
    assert (recent.start, recent.end) == (8, 8) and recent.after(8, _agent(1)) == []


def _events_of(shop: Shop, events: list) -> list[tuple[int, str]]:  # type: ignore[type-arg]
    refs = {str(order_id) for order_id in shop.order_ids}
    return [(e.id, e.data["entity_id"]) for e in events if e.data["entity_id"] in refs]


def test_many_streams_of_two_teams_each_get_their_own_changes_once(
    builder: ShopBuilder, server: RunningServer
) -> None:
    first = builder.new_shop(server.api, agents=4, orders=3)
    second = builder.new_shop(server.api, agents=4, orders=2)
    try:
        streams = {
            id(user): (shop, SseCollector(server.api, user.token, len(shop.order_ids)).start())
            for shop in (first, second)
            for user in shop.agents
        }
        time.sleep(0.5)
        for shop in (first, second):
            for order_id in shop.order_ids:
                answer = shop.agents[0].client.post(f"/orders/{order_id}/claim")
                assert answer.status_code == 200, answer.text
        for shop, stream in streams.values():
            events = stream.join()
            assert stream.error is None
            ids = [event.id for event in events]
            assert ids == sorted(set(ids)), "changes out of order or twice"
            # Exactly this team's orders: the other team's claims never show.
            assert sorted(ref for _, ref in _events_of(shop, events)) == sorted(
                str(order_id) for order_id in shop.order_ids
            )
            assert len(events) == len(shop.order_ids)
        # Resuming from before the first change gives the same changes again.
        shop, stream = next(iter(streams.values()))
        start = min(event.id for event in stream.events) - 1
        again = SseCollector(
            server.api, shop.agents[1].token, count=len(shop.order_ids), last_event_id=start
        ).start()
        assert _events_of(shop, again.join()) == _events_of(shop, stream.events)
    finally:
        first.close()
        second.close()
