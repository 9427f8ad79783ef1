"""``GET /orders?sort=id&after_id=N``: keyset pages a desk's full resync walks.

Every visible order comes exactly once even while others insert orders between
pages, and each role sees exactly what it saw before (own team and unassigned
for agents and leads, everything for admins).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import or_, select, update

from server.db.models_orders import OrderRow
from tests.fixtures.server_process import RunningServer
from tests.server.shop import Shop, ShopBuilder, random_phone


def keyset_walk(
    client: httpx.Client, limit: int, between_pages: Any = None
) -> tuple[list[int], list[dict[str, Any]]]:
    """All ids of a ``sort=id`` walk in the order served, and every page's envelope."""
    ids: list[int] = []
    pages: list[dict[str, Any]] = []
    params: dict[str, Any] = {"sort": "id", "limit": limit}
    for _ in range(10_000):
        answer = client.get("/orders", params=params)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        pages.append(page)
        ids.extend(item["id"] for item in page["items"])
        if page["next_after_id"] is None:
            return ids, pages
        params["after_id"] = page["next_after_id"]
        if between_pages is not None:
            between_pages(len(pages))
    raise AssertionError("the keyset walk never ended")


def visible_ids(shop: Shop, team_id: int | None) -> set[int]:
    with shop.db.read() as session:
        query = select(OrderRow.id)
        if team_id is not None:
            query = query.where(or_(OrderRow.team_id == team_id, OrderRow.team_id.is_(None)))
        return set(session.execute(query).scalars())


def _set_team(shop: Shop, ids: list[int], team_id: int | None) -> None:
    with shop.db.write() as session:
        session.execute(update(OrderRow).where(OrderRow.id.in_(ids)).values(team_id=team_id))


@pytest.fixture
def unassigned_orders(shop: Shop) -> Iterator[Callable[[int], list[int]]]:
    """Makes orders of no team (intake may route new orders to a team: cleared after).

    The server and its database serve the whole session, and an order of no team shows
    in every team's queue: the test's orders go back to its shop's team at the end, or
    later tests' claim-next would hand them out."""
    made: list[int] = []

    def make(count: int) -> list[int]:
        ids = shop.add_orders(count)
        _set_team(shop, ids, None)
        made.extend(ids)
        return ids

    yield make
    _set_team(shop, made, shop.team_id)


def typed_order(shop: Shop) -> dict[str, Any]:
    return {
        "customer": {
            "name": "Nadia Alaoui",
            "phones": [random_phone()],
            "address": "3 Rue Allal",
            "city": "Casablanca",
        },
        "lines": [{"article_ref": shop.article_ref, "quantity": 1, "color": "Noir", "size": "40"}],
    }


def test_keyset_pages_cover_each_visible_order_once_while_orders_arrive(
    shop: Shop,
    builder: ShopBuilder,
    server: RunningServer,
    unassigned_orders: Callable[[int], list[int]],
) -> None:
    other_team = builder.new_shop(server.api, agents=1, orders=4)
    try:
        team_orders = shop.add_orders(12)
        unassigned = unassigned_orders(3)  # visible to every team
        typed: list[int] = []

        def insert_meanwhile(pages_read: int) -> None:
            # Another agent types an order, the importer brings one per team: all
            # land after the walk's position (ids only grow) or, for the other
            # team, must stay invisible.
            answer = shop.agents[1].client.post("/orders", json=typed_order(shop))
            assert answer.status_code == 201, answer.text
            typed.append(answer.json()["order"]["id"])
            team_orders.extend(shop.add_orders(1))
            other_team.add_orders(1)

        ids, pages = keyset_walk(shop.agents[0].client, limit=4, between_pages=insert_meanwhile)

        assert len(ids) == len(set(ids)), "an order came twice"
        assert ids == sorted(ids)
        expected = visible_ids(shop, shop.team_id)
        assert set(ids) == expected, "orders missed or not visible"
        assert set(typed) <= set(ids) and set(team_orders) <= set(ids)
        assert set(unassigned) <= set(ids)
        assert not set(other_team.order_ids) & set(ids)
        assert len(pages) > 5
        # The count is taken on the first page only; later pages say -1.
        assert pages[0]["total"] >= 20 and all(p["total"] == -1 for p in pages[1:])
    finally:
        other_team.close()


def test_keyset_visibility_per_role_is_unchanged(
    shop: Shop,
    builder: ShopBuilder,
    server: RunningServer,
    unassigned_orders: Callable[[int], list[int]],
) -> None:
    other_team = builder.new_shop(server.api, agents=1, orders=3)
    try:
        unassigned = unassigned_orders(2)
        team_view = visible_ids(shop, shop.team_id)
        for user in (shop.agents[0], shop.lead):
            ids, _ = keyset_walk(user.client, limit=7)
            assert set(ids) == team_view, user.username
            assert not set(other_team.order_ids) & set(ids)
            assert set(unassigned) <= set(ids)
            # The newest-first listing shows the same set.
            first = user.client.get("/orders", params={"limit": 1}).json()
            assert first["total"] == len(team_view) and first["next_after_id"] is None
        admin_ids, admin_pages = keyset_walk(shop.admin.client, limit=50)
        assert set(admin_ids) == visible_ids(shop, None)
        assert set(other_team.order_ids) <= set(admin_ids)
        assert admin_pages[0]["total"] == len(visible_ids(shop, None))
    finally:
        other_team.close()


def test_keyset_page_after_the_last_order_is_empty_and_final(shop: Shop) -> None:
    client = shop.agents[0].client
    last = max(shop.order_ids)
    answer = client.get("/orders", params={"sort": "id", "after_id": last, "limit": 500})
    assert answer.status_code == 200
    assert answer.json()["items"] == [] and answer.json()["next_after_id"] is None
    bad = client.get("/orders", params={"sort": "id", "after_id": -1})
    assert bad.status_code == 422
