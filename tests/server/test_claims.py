"""Reservations hold under contention: one winner, no order held twice, expiry
hands the order on with a higher epoch, and the old holder is fenced off."""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import select

from server.db.models_orders import OrderRow
from tests.fixtures.server_process import RunningServer
from tests.server.shop import Shop, ShopBuilder


def _note_op(order_id: int, seq: int, epoch: int | None = None, version: int | None = None):
    return {
        "op_id": str(uuid.uuid4()),
        "client_seq": seq,
        "kind": "add_note",
        "order_id": order_id,
        "lease_epoch": epoch,
        "expected_version": version,
        "payload": {"text": "Client rappelé"},
    }


def test_fifty_concurrent_claims_of_one_order_have_one_winner(
    builder: ShopBuilder, server: RunningServer
) -> None:
    shop = builder.new_shop(server.api, agents=50, orders=1)
    order_id = shop.order_ids[0]
    barrier = threading.Barrier(50)

    def claim(index: int) -> httpx.Response:
        barrier.wait(timeout=30)
        return shop.agents[index].client.post(f"/orders/{order_id}/claim")

    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(claim, range(50)))
    shop.close()
    codes = Counter(answer.status_code for answer in answers)
    assert codes == {200: 1, 409: 49}, codes
    winner = next(a.json() for a in answers if a.status_code == 200)
    for loser in (a.json() for a in answers if a.status_code == 409):
        assert loser["code"] == "lease_held"
        assert loser["params"]["holder_name"] == winner["lease"]["holder_name"]
    with shop.db.read() as session:
        row = session.get(OrderRow, order_id)
        assert row is not None and row.lease_holder_id == winner["lease"]["holder_id"]
        assert row.lease_epoch == winner["lease"]["epoch"] == 1


def test_fifty_agents_drain_two_hundred_orders_without_double_claims(
    builder: ShopBuilder, server: RunningServer
) -> None:
    shop = builder.new_shop(server.api, agents=50, orders=200)
    barrier = threading.Barrier(50)

    def drain(index: int) -> tuple[list[int], list[int]]:
        client = shop.agents[index].client
        claimed: list[int] = []
        failures: list[int] = []
        barrier.wait(timeout=30)
        while len(failures) < 20:
            answer = client.post("/orders/claim-next", json={"lease_seconds": 600})
            if answer.status_code != 200:
                failures.append(answer.status_code)
                continue
            order = answer.json()["order"]
            if order is None:
                return claimed, failures
            claimed.append(order["id"])
        return claimed, failures

    # Each agent ends up holding several orders here: lift the per-agent lease cap.
    with shop.settings(max_leases_per_agent=50), ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(drain, range(50)))
    shop.close()
    claimed = [order_id for mine, _ in results for order_id in mine]
    failures = [code for _, codes in results for code in codes]
    assert failures == []
    assert len(claimed) == 200
    assert set(claimed) == set(shop.order_ids)
    holder_by_order = {
        order_id: shop.agents[index].id
        for index, (mine, _) in enumerate(results)
        for order_id in mine
    }
    with shop.db.read() as session:
        rows = session.execute(select(OrderRow).where(OrderRow.id.in_(shop.order_ids))).scalars()
        for row in rows:
            assert row.lease_holder_id == holder_by_order[row.id]
            assert row.lease_epoch == 1


def test_expired_lease_goes_to_next_claimer_and_old_epoch_is_refused(shop: Shop) -> None:
    first, second = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[0]
    claim = first.client.post(f"/orders/{order_id}/claim", json={"lease_seconds": 3})
    assert claim.status_code == 200
    old_epoch = claim.json()["lease"]["epoch"]
    refused = second.client.post(f"/orders/{order_id}/claim")
    assert refused.status_code == 409
    assert refused.json()["params"]["holder_name"] == first.username
    time.sleep(3.3)  # the first desk stopped heart-beating
    taken = second.client.post(f"/orders/{order_id}/claim")
    assert taken.status_code == 200, taken.text
    assert taken.json()["lease"]["epoch"] > old_epoch

    late_write = first.client.post(
        "/sync/push",
        json={"device_id": "desk-a", "ops": [_note_op(order_id, 1, epoch=old_epoch)]},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    result = late_write.json()["results"][0]
    assert result["status"] == "conflict"
    assert result["code"] == "lease_held"
    assert result["params"]["holder_name"] == second.username

    lost = first.client.post(
        "/leases/heartbeat", json={"leases": [{"order_id": order_id, "epoch": old_epoch}]}
    ).json()
    assert lost["renewed"] == []
    assert lost["lost"][0]["holder_name"] == second.username


def test_heartbeat_keeps_the_order_and_release_hands_it_on(shop: Shop) -> None:
    first, second = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[1]
    lease = first.client.post(f"/orders/{order_id}/claim", json={"lease_seconds": 2}).json()[
        "lease"
    ]
    for _ in range(3):
        time.sleep(0.8)
        beat = first.client.post(
            "/leases/heartbeat",
            json={"leases": [{"order_id": order_id, "epoch": lease["epoch"]}], "lease_seconds": 6},
        ).json()
        assert [renewed["order_id"] for renewed in beat["renewed"]] == [order_id]
    assert second.client.post(f"/orders/{order_id}/claim").status_code == 409
    released = first.client.post(f"/orders/{order_id}/release", json={"epoch": lease["epoch"]})
    assert released.json()["released"] is True
    assert second.client.post(f"/orders/{order_id}/claim").status_code == 200


def test_lead_reassigns_and_fences_off_the_previous_holder(shop: Shop) -> None:
    agent, other = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[2]
    lease = agent.client.post(f"/orders/{order_id}/claim").json()["lease"]
    assert (
        agent.client.post(f"/orders/{order_id}/reassign", json={"owner_id": other.id}).status_code
        == 403
    )
    answer = shop.lead.client.post(f"/orders/{order_id}/reassign", json={"owner_id": other.id})
    assert answer.status_code == 204, answer.text
    stale = agent.client.post(
        "/sync/push",
        json={"device_id": "desk-a", "ops": [_note_op(order_id, 1, epoch=lease["epoch"])]},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    ).json()["results"][0]
    assert stale["status"] == "conflict" and stale["code"] == "stale_epoch"
    assert stale["params"]["owner_name"] == other.username
    assert f"reassigned to {other.username}" in stale["message"]
    order = other.client.get(f"/orders/{order_id}").json()
    assert order["owner_id"] == other.id and order["status"] == "assigned"
    assert other.client.post(f"/orders/{order_id}/claim").status_code == 200
