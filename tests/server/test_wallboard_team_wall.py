"""The lead's wallboard counts its own team's queue and day, whatever other teams do.

Before, "calls today" on a team's wallboard added up every call journaled that day
by anybody in the shop (the per-agent rows were right; the total was not), and the
snapshot read every team's journal to build it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import or_, select, update

from core.order_status import OPEN_STATUSES, OrderStatus
from server.db.models_orders import OrderRow
from tests.fixtures.server_process import RunningServer
from tests.server.desk_journal import push_journal
from tests.server.desk_ops import claim
from tests.server.shop import Shop, ShopBuilder


@pytest.fixture
def other_shop(builder: ShopBuilder, server: RunningServer) -> Iterator[Shop]:
    built = builder.new_shop(server.api, agents=1, orders=3)
    yield built
    built.close()


def _board(shop: Shop) -> dict:  # type: ignore[type-arg]
    answer = shop.lead.client.get("/wallboard")
    assert answer.status_code == 200, answer.text
    board: dict = answer.json()  # type: ignore[type-arg]
    return board


def test_calls_today_are_the_teams_own(shop: Shop, other_shop: Shop) -> None:
    ours, theirs = shop.agents[0], other_shop.agents[0]
    claim(ours.client, shop.order_ids[0])
    assert push_journal(ours.client, shop.order_ids[0], outcome="answered")["status"] == "applied"
    for order_id in other_shop.order_ids:
        claim(theirs.client, order_id)
        for _ in range(2):
            assert push_journal(theirs.client, order_id)["status"] == "applied"

    board = _board(shop)
    assert board["calls_today"] == 1
    assert sum(agent["calls_today"] for agent in board["agents"]) == 1
    assert {agent["user_id"] for agent in board["agents"]} >= {ours.id}
    assert theirs.id not in {agent["user_id"] for agent in board["agents"]}

    theirs_board = _board(other_shop)
    assert theirs_board["calls_today"] == 6
    assert [agent["calls_today"] for agent in theirs_board["agents"]] == [6]


def test_queue_figures_match_the_teams_orders(shop: Shop) -> None:
    """Every queue figure against the team's orders as the database holds them
    (the orders of other tests without a team are part of every team's queue)."""
    now = datetime.now(UTC)
    states: list[tuple[str, dict[str, object]]] = [
        ("callback", {"callback_at": now - timedelta(hours=1), "attempt_count": 1}),
        ("callback", {"callback_at": now + timedelta(hours=3), "attempt_count": 1}),
        ("returned", {"attempt_count": 2}),
        ("in_progress", {"attempt_count": 1}),
        ("confirmed", {"attempt_count": 1, "closed_at": now}),
        ("cancelled", {"attempt_count": 3, "closed_at": now}),
    ]
    ids = shop.add_orders(len(states))
    with shop.db.write() as session:
        for order_id, (status, values) in zip(ids, states, strict=True):
            session.execute(
                update(OrderRow).where(OrderRow.id == order_id).values(status=status, **values)
            )
    claim(shop.agents[0].client, shop.order_ids[0])
    claim(shop.agents[1].client, shop.order_ids[1])

    queue = _board(shop)["queue"]

    with shop.db.read() as session:
        rows = list(
            session.execute(
                select(OrderRow).where(
                    or_(OrderRow.team_id == shop.team_id, OrderRow.team_id.is_(None))
                )
            ).scalars()
        )
    now = datetime.now(UTC)
    open_rows = [row for row in rows if OrderStatus(row.status) in OPEN_STATUSES]

    def aware(moment: datetime) -> datetime:
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    expected = {
        "open_total": len(open_rows),
        "unassigned": sum(row.status == "unassigned" for row in rows),
        "callbacks_due": sum(
            row.status == "callback" and row.callback_at is not None
            and aware(row.callback_at) <= now
            for row in rows
        ),
        "never_contacted": sum(row.attempt_count == 0 for row in open_rows),
        "returned": sum(row.status == "returned" for row in rows),
        "in_progress": sum(row.status == "in_progress" for row in rows),
        "held_now": sum(
            row.lease_holder_id is not None and row.lease_expires_at is not None
            and aware(row.lease_expires_at) > now
            for row in rows
        ),
    }
    assert {key: queue[key] for key in expected} == expected
    assert expected["held_now"] >= 2 and expected["callbacks_due"] >= 1
    oldest = min(aware(row.created_at) for row in open_rows)
    assert datetime.fromisoformat(queue["oldest_open_at"].replace("Z", "+00:00")) == oldest
