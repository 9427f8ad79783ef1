"""Since when an agent holds an order: set when a lease is acquired (claim,
claim-next, a new holder after release / reassignment), kept while the same
holder renews or claims again, and shown as such on the wallboard and in the
live report."""

from __future__ import annotations

import time
from datetime import datetime

from tests.server.shop import Shop


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _wallboard_since(shop: Shop, order_id: int) -> str | None:
    board = shop.lead.client.get("/wallboard").json()
    return next(
        (lease["claimed_at"] for lease in board["leases"] if lease["order_id"] == order_id), None
    )


def _live_since(shop: Shop, order_id: int) -> str | None:
    live = shop.lead.client.get("/reports/live").json()
    return next((lease["since"] for lease in live["leases"] if lease["order_id"] == order_id), None)


def test_lease_since_is_the_acquisition_not_the_latest_renewal(shop: Shop) -> None:
    agent = shop.agents[0]
    order_id = shop.order_ids[0]
    lease = agent.client.post(f"/orders/{order_id}/claim").json()["lease"]
    acquired = _at(lease["claimed_at"])

    time.sleep(1.1)  # renewals and a repeated claim come visibly later
    beat = agent.client.post(
        "/leases/heartbeat", json={"leases": [{"order_id": order_id, "epoch": lease["epoch"]}]}
    ).json()
    assert [renewed["order_id"] for renewed in beat["renewed"]] == [order_id]
    again = agent.client.post(f"/orders/{order_id}/claim").json()["lease"]
    assert again["epoch"] == lease["epoch"]
    assert _at(again["claimed_at"]) == acquired
    assert _at(agent.client.get(f"/orders/{order_id}").json()["lease"]["claimed_at"]) == acquired

    wallboard = _wallboard_since(shop, order_id)
    live = _live_since(shop, order_id)
    assert wallboard is not None and _at(wallboard) == acquired
    assert live is not None and _at(live) == acquired


def test_a_new_holder_gets_a_new_since(shop: Shop) -> None:
    first, second = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[1]
    lease = first.client.post(f"/orders/{order_id}/claim").json()["lease"]
    first_since = _at(lease["claimed_at"])
    released = first.client.post(f"/orders/{order_id}/release", json={"epoch": lease["epoch"]})
    assert released.json()["released"] is True
    assert first.client.get(f"/orders/{order_id}").json()["lease"] is None
    time.sleep(0.2)
    taken = second.client.post(f"/orders/{order_id}/claim").json()["lease"]
    second_since = _at(taken["claimed_at"])
    assert second_since > first_since

    # The lead takes it away and gives it to the first agent, who claims it anew.
    moved = shop.lead.client.post(
        f"/orders/{order_id}/reassign", json={"owner_id": first.id, "release_lease": True}
    )
    assert moved.status_code == 204, moved.text
    assert _wallboard_since(shop, order_id) is None
    time.sleep(0.2)
    back = first.client.post(f"/orders/{order_id}/claim").json()["lease"]
    assert _at(back["claimed_at"]) > second_since
    live = _live_since(shop, order_id)
    assert live is not None and _at(live) == _at(back["claimed_at"])


def test_claim_next_records_since(shop: Shop) -> None:
    agent = shop.agents[2]
    result = agent.client.post("/orders/claim-next", json={}).json()
    assert result["lease"] is not None
    since = _at(result["lease"]["claimed_at"])
    order_id = result["order"]["id"]
    wallboard = _wallboard_since(shop, order_id)
    assert wallboard is not None and _at(wallboard) == since
